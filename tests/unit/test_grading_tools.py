"""Unit tests of cnngrade: notebook surgery and variant files (no nbgrader run)."""
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from cnngrade import notebook as nbtools
from cnngrade.analysis.testcells import ends_with_bare_expression, imports_framework
from cnngrade.authoring import variants


def _graded(source, gid, **meta):
    cell = new_code_cell(source)
    cell.metadata["nbgrader"] = {"grade_id": gid, "schema_version": 3, **meta}
    cell.metadata["tags"] = ["raises-exception", "remove-output"]
    return cell


def _notebooks():
    setup = new_code_cell("import math")
    setup.metadata["tags"] = ["setup"]
    source = new_notebook(cells=[
        new_markdown_cell("# T"),
        setup,
        new_code_cell("print('demo')"),
        _graded("def f(x):\n    ### BEGIN SOLUTION\n    return 2 * x\n    ### END SOLUTION", "f", solution=True, grade=False),
        _graded("assert f(1) == 2\n### BEGIN HIDDEN TESTS\nassert f(2) == 4\n### END HIDDEN TESTS", "test_f",
                grade=True, solution=False, points=2),
    ])
    released = new_notebook(cells=[c.copy() for c in source.cells])
    released.cells[3] = _graded("def f(x):\n    # YOUR CODE HERE\n    raise NotImplementedError()", "f", solution=True)
    released.cells[4] = _graded("assert f(1) == 2", "test_f", grade=True, solution=False, points=2)
    return source, released


def test_make_submission_fills_solutions_without_markers():
    source, released = _notebooks()
    nb = nbtools.make_submission(released, source)
    assert nb.cells[3].source == "def f(x):\n    return 2 * x"
    assert released.cells[3].source.endswith("NotImplementedError()")  # input untouched


def test_make_submission_replaces_and_drops_demos():
    source, released = _notebooks()
    nb = nbtools.make_submission(released, source, {"f": "f = abs\n"}, keep_demos=False)
    assert [c.source for c in nb.cells if c.cell_type == "code"][:2] == ["import math", "f = abs\n"]
    assert all("demo" not in c.source for c in nb.cells)
    with pytest.raises(KeyError):
        nbtools.make_submission(released, source, {"nope": ""})


def test_stub_submission_keeps_stubs():
    source, released = _notebooks()
    assert "NotImplementedError" in nbtools.make_submission(released, source, solve=False).cells[3].source


def test_test_cells_and_kinds():
    source, _ = _notebooks()
    assert nbtools.test_cells(source) == {"test_f": 2.0}
    assert nbtools.is_solution_cell(source.cells[3]) and not nbtools.is_manual_cell(source.cells[3])
    answer = new_markdown_cell("x")
    answer.metadata["nbgrader"] = {"grade_id": "a", "solution": True, "grade": True, "points": 1}
    assert nbtools.is_manual_cell(answer)
    source.cells.append(answer)  # a written answer is not a code exercise
    assert nbtools.exercise_ids(source) == ["f"]


@pytest.mark.parametrize("code, displays", [
    ("assert x", False), ("x = 1\nx", True), ("f(1)", True), ("print('ok')", False), ("", False),
    ("check_close(a, b)", False), ("np.allclose(a, b)", True), ("x == 1", True),
])
def test_ends_with_bare_expression(code, displays):
    assert ends_with_bare_expression(code) is displays


def test_imports_framework():
    assert imports_framework("import torch\nassert 1")
    assert imports_framework("from tensorflow import keras")
    assert not imports_framework("import math\nassert torch.ones(1)")


def test_committed_outputs_detected():
    source, _ = _notebooks()
    assert not nbtools.has_committed_outputs(source)
    source.cells[2].outputs = [{"output_type": "stream", "name": "stdout", "text": "demo"}]
    assert nbtools.has_committed_outputs(source)


def test_variant_header_parsing():
    v = variants.parse("# replaces: f\n# loses: t1, t2\n# why: off by one\ndef f(x):\n    return x\n",
                       variants.KNOWN_WRONG, "off_by_one")
    assert (v.replaces, v.loses, v.why, v.student_id) == ("f", ("t1", "t2"), "off by one", "wrong-off-by-one")
    assert v.code == "def f(x):\n    return x\n"
    alt = variants.parse("# replaces: f\n# why: loop\n# a comment that is code\nf = abs\n",
                         variants.VALID_ALTERNATIVES, "loop")
    assert alt.code.startswith("# a comment") and alt.loses == ()


@pytest.mark.parametrize("text, kind, message", [
    ("# loses: t\n# why: w\nx = 1\n", variants.KNOWN_WRONG, "replaces"),
    ("# replaces: f\n# loses: t\nx = 1\n", variants.KNOWN_WRONG, "why"),
    ("# replaces: f\n# why: w\nx = 1\n", variants.KNOWN_WRONG, "must name the test cells"),
    ("# replaces: f\n# loses: t\n# why: w\nx = 1\n", variants.VALID_ALTERNATIVES, "must not lose"),
])
def test_variant_header_errors(text, kind, message):
    with pytest.raises(ValueError, match=message):
        variants.parse(text, kind, "v")


SOLUTION = "def f(x):\n    y = 2 * x\n    return y\n"


def test_patch_variant_applies_to_the_solution():
    v = variants.parse("# replaces: f\n# loses: t\n# why: w\n<<<<<<< solution\n    y = 2 * x\n=======\n"
                       "    y = x + x + 1\n>>>>>>> variant\n", variants.KNOWN_WRONG, "p")
    assert v.resolve(SOLUTION) == "def f(x):\n    y = x + x + 1\n    return y\n"
    plain = variants.parse("# replaces: f\n# why: w\nf = abs\n", variants.VALID_ALTERNATIVES, "q")
    assert plain.resolve(SOLUTION) == "f = abs\n"


@pytest.mark.parametrize("patch, message", [
    ("<<<<<<< solution\n    z = 1\n=======\n    z = 2\n>>>>>>> variant\n", "occurs 0 times"),
    ("<<<<<<< solution\n    y = 2 * x\n=======\n", "unterminated"),
    ("junk\n<<<<<<< solution\n    y = 2 * x\n=======\n>>>>>>> variant\n", "outside a patch block"),
])
def test_patch_errors(patch, message):
    with pytest.raises(ValueError, match=message):
        variants.apply_patch(patch, SOLUTION)


# -- packing variants of different exercises into one proof notebook -------------------------------------
def _three_exercises():
    setup = new_code_cell("import math")
    setup.metadata["tags"] = ["setup"]
    sol = lambda name, body: _graded(f"def {name}(x):\n    ### BEGIN SOLUTION\n    {body}\n    ### END SOLUTION",
                                     name, solution=True, grade=False)
    test = lambda gid, code: _graded(code, gid, grade=True, solution=False, points=1)
    source = new_notebook(cells=[
        setup,
        sol("f", "return 2 * x"),
        sol("g", "return f(x) + 1"),          # g calls f: g's tests depend on f too
        sol("h", "return -x"),
        test("test_f", "assert f(1) == 2"),
        test("test_g", "assert g(1) == 3"),
        test("test_h", "value = h(1)\nassert value == -1"),
        test("test_h_again", "assert value == -1"),  # reads `value` from test_h, hence h
        test("test_dynamic", "assert globals()['h'](2) == -2"),
    ])
    return source, source


def _variant(replaces, code, loses=(), name=None):
    kind = variants.KNOWN_WRONG if loses else variants.VALID_ALTERNATIVES
    return variants.Variant(kind, name or f"{replaces}_{len(code)}", replaces, code, "why", tuple(loses))


def test_exercise_dependencies_follow_names_through_cells():
    from cnngrade.authoring.prove import exercise_dependencies

    source, _ = _three_exercises()
    deps = exercise_dependencies(source)
    assert deps == {"test_f": {"f"}, "test_g": {"f", "g"}, "test_h": {"h"}, "test_h_again": {"h"},
                    "test_dynamic": {"f", "g", "h"}}


def test_pack_groups_only_variants_no_test_sees_together():
    from cnngrade.authoring.prove import SOLUTION, STUB, expectations, pack, proof_students

    source, released = _three_exercises()
    no_dynamic = new_notebook(cells=source.cells[:-1])
    f_wrong = _variant("f", "def f(x):\n    return 3 * x", ["test_f", "test_g"], "f_wrong")
    f_alt = _variant("f", "def f(x):\n    return x + x", name="f_alt")
    g_wrong = _variant("g", "def g(x):\n    return f(x)", ["test_g"], "g_wrong")
    h_wrong = _variant("h", "def h(x):\n    return x", ["test_h", "test_h_again"], "h_wrong")
    global_state = _variant("h", "import math\nmath.tau = 0\ndef h(x):\n    return -x", name="h_global")
    packs = pack(no_dynamic, no_dynamic, [f_wrong, f_alt, g_wrong, h_wrong, global_state])
    # one variant per exercise per notebook; f and g never together (test_g reads both); h_global alone
    assert packs == [(f_wrong, h_wrong), (f_alt,), (g_wrong,), (global_state,)]
    # a test that looks names up dynamically sees every exercise: nothing packs
    assert all(len(p) == 1 for p in pack(source, source, [f_wrong, h_wrong]))
    # a test cell that patches a library: the variants it reads go alone (it may stop half-way)
    patching = new_notebook(cells=[*no_dynamic.cells[:4],
                                   _graded("import math\nmath.pi = 3\nassert f(1) == 2\nmath.pi = 3.14159", "test_f",
                                           grade=True, solution=False, points=1), *no_dynamic.cells[5:]])
    assert pack(patching, patching, [f_wrong, h_wrong]) == [(f_wrong,), (h_wrong,)]
    # setattr reaches any object: a variant using it goes alone (setattr(self, ...) in a method does not)
    via_setattr = _variant("h", "import math\ndef h(x):\n    setattr(math, 'pi', 3)\n    return -x", name="h_setattr")
    own_attrs = _variant("h", "class H:\n    def __init__(self):\n        setattr(self, 'k', -1)\n"
                              "def h(x):\n    return H().k * x", name="h_self")
    assert pack(no_dynamic, no_dynamic, [f_wrong, via_setattr, own_attrs]) == [(f_wrong, own_attrs), (via_setattr,)]

    # a pack-mate that cuts a member's path to a test: g_own does not call f, so with f_alt in the same notebook
    # test_g would never run f_alt's f, although f_alt alone claims full marks on test_g (it reads f there)
    g_own = _variant("g", "def g(x):\n    return 2 * x + 1", name="g_own")
    assert pack(no_dynamic, no_dynamic, [f_alt, g_own]) == [(f_alt,), (g_own,)]

    students = proof_students(no_dynamic, no_dynamic, [f_wrong, f_alt, g_wrong, h_wrong])
    assert [s for s, _ in students] == [SOLUTION, STUB, "pack-01", "alt-f-alt", "wrong-g-wrong"]
    tests = nbtools.test_cells(no_dynamic)
    got = {(e.student, e.cell): (e.expected, e.why.split(":")[0]) for e in expectations("c", tests, students, no_dynamic, no_dynamic)}
    assert got[("pack-01", "test_f")] == ("zero", "wrong-f-wrong")
    assert got[("pack-01", "test_h_again")] == ("zero", "wrong-h-wrong")
    assert got[("alt-f-alt", "test_g")] == ("full", "alt-f-alt")
    assert got[("wrong-g-wrong", "test_f")][0] == "full" and got[("wrong-g-wrong", "test_g")][0] == "zero"
    assert proof_students(no_dynamic, no_dynamic, [f_wrong, h_wrong], alone=True)[2:] == [
        ("wrong-f-wrong", (f_wrong,)), ("wrong-h-wrong", (h_wrong,))]
