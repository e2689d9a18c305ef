"""The static analyses (``cnngrade.analysis``), rule by rule: milliseconds, no notebook, no kernel."""
import ast

import nbformat
import pytest

from cnngrade.analysis import effects, names, seeding, testcells
from cnngrade.engine.prepare import plan_cells


# -- names ---------------------------------------------------------------------------------------------
def test_import_names_are_the_bound_top_level_names():
    assert names.import_names("import numpy as np\nimport torch.nn\nfrom math import pi as PI, tau") == {"np", "torch", "PI", "tau"}
    assert names.import_names("def f():\n    import os") == set()  # only the cell's own top level


def test_bound_names_cover_definitions_assignments_loops_and_imports():
    code = "import os\nx = 1\na, (b, c) = 1, (2, 3)\nfor i in range(3): pass\ndef f(p): q = 1\nclass K: pass"
    assert names.bound_names(code) == {"os", "x", "a", "b", "c", "i", "f", "K"}


def test_read_names_see_through_functions_but_not_their_locals():
    code = "def f(x):\n    y = x + z\n    return np.sum(y)\n[w for w in v]"
    assert names.read_names(code) >= {"z", "np", "v"}
    assert not names.read_names(code) & {"x", "y", "w"}


@pytest.mark.parametrize("code, outside", [
    ("x = x + 1", {"x"}),
    ("y = 1\nprint(y)", {"print"}),
    ("for i in r:\n    print(i)", {"r", "print"}),
    ("with open(p) as fh:\n    fh.read()", {"open", "p"}),
    ("try:\n    f()\nexcept E as err:\n    g(err)", {"f", "E", "g"}),
    ("a[k] = 1", {"a", "k"}),
])
def test_free_reads_are_what_a_cell_reads_before_binding_it(code, outside):
    assert names.free_reads(code) == outside


def test_magics_are_blanked_and_unparsable_cells_read_nothing():
    assert names.free_reads("%matplotlib inline\nx = y") == {"y"}
    assert names.parse_cell("def (") is None
    assert names.free_reads("def (") == set() and names.bound_names("def (") == set()


def test_the_guard_reaches_the_same_name_analyses():
    from cnngrade.isolation import guard

    assert guard.free_reads is names.free_reads and guard.bound_names is names.bound_names


# -- seeding ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("code, draw", [
    ("x = torch.randn(3)", "torch.randn(3)"),
    ("torch.manual_seed(0)\nx = torch.randn(3)", ""),
    ("np.random.seed(1)\nx = np.random.rand(2)", ""),
    ("x = np.random.default_rng(0).normal(size=3)", ""),
    ("g = torch.Generator().manual_seed(0)\nx = torch.randn(3, generator=g)", ""),
    ("x = torch.randn(3)\ntorch.manual_seed(0)", "torch.randn(3)"),
    ("keras.utils.set_random_seed(0)\nw = keras.random.normal((2,))", ""),
    ("x = torch.ones(3)", ""),
])
def test_a_test_cell_must_seed_before_it_draws(code, draw):
    assert seeding.unseeded_random_draw(code) == draw


def test_the_seeding_rule_is_one_list_of_functions():
    for name in ("seed", "manual_seed", "manual_seed_all", "set_seed", "set_random_seed", "seed_everything",
                 "default_rng", "Generator"):
        assert seeding.is_seeding_call(name), name
    for name in ("randn", "set_printoptions", "reseed_later", "Generator2"):
        assert not seeding.is_seeding_call(name), name


def test_the_engine_lets_a_skipped_cell_seed_because_the_proofs_make_tests_reseed():
    # the two sides of the contract use the same rule: what self_contained lets through is what
    # unseeded_random_draw accepts as seeding
    for name in seeding.SEEDING_FUNCTIONS:
        assert effects.self_contained(f"lib.{name}(0)"), name
        assert seeding.unseeded_random_draw(f"lib.{name}(0)\nx = torch.randn(2)") == "", name
    assert not effects.self_contained("torch.set_printoptions(precision=2)")


# -- side effects ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("code, contained", [
    ("x = np.ones(3)\nfig, ax = plt.subplots()\nax.set_title('t')", True),  # methods of its own objects
    ("torch.set_num_threads(1)", False),
    ("saved = torch.get_num_threads()\ntorch.set_num_threads(1)\ny = 1\ntorch.set_num_threads(saved)", True),
    ("model.weight = 0", False),  # mutates an object another cell made
    ("m = Net()\nm.weight = 0", True),
    ("global g\ng = 1", False),
    ("%timeit f()", False),
    ("warnings.filterwarnings('ignore')", False),
    ("os.environ['X'] = '1'", False),
    ("setattr(torch, 'relu', f)", False),
    ("class A:\n    def __init__(self):\n        setattr(self, 'x', 1)", True),
    ("plt.rcParams['figure.dpi'] = 80", False),
    ("def (", False),
])
def test_self_contained(code, contained):
    assert effects.self_contained(code) is contained


# -- test cells ---------------------------------------------------------------------------------------------
def test_test_cell_rules():
    assert testcells.ends_with_bare_expression("x = 1\nx")
    assert not testcells.ends_with_bare_expression("check_close(a, b)")
    assert testcells.imports_framework("import torch")
    assert not testcells.imports_framework("### BEGIN HIDDEN TESTS\nx = 1\n### END HIDDEN TESTS")
    assert testcells.unseeded_random_draw is seeding.unseeded_random_draw


# -- the engine's skip decision, on a hand-made notebook ------------------------------------------------------
def _cell(source, **nbgrader):
    cell = nbformat.v4.new_code_cell(source)
    if nbgrader:
        cell.metadata["nbgrader"] = nbgrader
    return cell


def test_plan_cells_skips_only_lesson_cells_nothing_reads():
    setup = _cell("import numpy as np")
    setup.metadata["tags"] = ["setup"]
    cells = [setup,
             _cell("demo = np.ones(3)\nprint(demo)"),              # read by nothing: skipped
             _cell("shared = np.zeros(2)"),                       # read by the test: kept
             _cell("np.random.seed(0)\nnoise = np.random.rand(2)"),  # seeds and draws, read by nothing: skipped
             _cell("def f(x):\n    raise NotImplementedError()", grade_id="f", solution=True, grade=False),
             _cell("assert f(shared).shape == (2,)", grade_id="test_f", grade=True, solution=False, points=1)]
    nb = nbformat.v4.new_notebook(cells=cells)
    kinds = plan_cells(nb, nb, names.import_names(setup.source))
    assert kinds == ["setup", "skip", "lesson", "skip", "student", "test"]


def test_plan_cells_runs_a_lesson_cell_the_student_changed():
    released = nbformat.v4.new_notebook(cells=[_cell("demo = 1")])
    submitted = nbformat.v4.new_notebook(cells=[_cell("demo = 2")])
    assert plan_cells(submitted, released, set()) == ["student"]


def test_analyses_are_pure_functions_of_the_source():
    code = "x = y + 1"
    assert names.free_reads(code) is names.free_reads(code)  # cached: the engine asks per student
    assert isinstance(names.free_reads(code), frozenset)
    ast.parse(code)
