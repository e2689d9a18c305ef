"""A small synthetic class graded with the instructor's commands, end to end, through real nbgrader,
and the feedback it gets: pass/fail, points and messages shown, hidden tests never.

Four students hand in chapter 1 as LMS downloads in a zip: one correct, one blank, one who solved
only two exercises, one whose Bottleneck cell has a syntax error. Two more hand in directly: two
known-wrong variants in one notebook (each loses its own cell), and the valid alternative that makes
PyTorch warn in a notebook whose last exercise cell also prints IPython's input history (which can hold the
hidden tests of every test cell that ran before it: feedback shows no output of a cell after the first test
cell). `zip_collect`, `autograde`, `generate_feedback` and
`export` run as the Makefile runs them (the repository's nbgrader_config.py, in a temporary course); every
student's score on every test cell must be exactly as expected, and no line of any hidden test may appear
in any feedback file, while the visible tests, the verdicts and the failure messages must.
(One class for both: each graded class costs a warm grading worker and an nbgrader feedback run.)
"""
import zipfile
from html.parser import HTMLParser

import pytest

from cnngrade import notebook as nbtools
from cnngrade.authoring import variants as variants_mod
from cnngrade.course import Course
from cnngrade.publishing.feedback import AFTER_TESTS_NOTE, HIDDEN_PLACEHOLDER, split_hidden

from conftest import ROOT


CHAPTER = "01-one-by-one"
POINTS = {
    "test_conv2d_params": 2,
    "test_conv1x1_as_matmul": 2,
    "test_small_basic_block_shapes": 1,
    "test_small_basic_block_equivalence": 2,
    "test_bottleneck_shapes": 1,
    "test_bottleneck_equivalence": 2,
    "test_torch_conv_weight_to_keras": 1,
    "test_small_basic_block_keras": 2,
}
BOTTLENECK_CELLS = {"test_bottleneck_shapes", "test_bottleneck_equivalence"}
PARTIAL_CELLS = {"test_conv2d_params", "test_small_basic_block_shapes", "test_small_basic_block_equivalence"}
EXPECTED = {
    "correct": dict(POINTS),
    "blank": {cell: 0 for cell in POINTS},
    "partial": {cell: (p if cell in PARTIAL_CELLS else 0) for cell, p in POINTS.items()},
    "typo": {cell: (0 if cell in BOTTLENECK_CELLS else p) for cell, p in POINTS.items()},
    "wrong": {cell: (0 if cell in ("test_conv1x1_as_matmul", "test_small_basic_block_equivalence") else p)
              for cell, p in POINTS.items()},
    "alt-snoop": dict(POINTS),  # snooping is not a mistake in itself
}
ZIPPED = ("correct", "blank", "partial", "typo")  # the LMS download; "wrong" and "alt-snoop" hand in directly
WRONG = ["conv1x1_transposed_weight", "sbb_missing_relu"]  # loses test_conv1x1_as_matmul, ..._equivalence
ALT = "conv1x1_torch_tensor_copy"  # makes PyTorch warn
SNOOP = "\nprint(In)\nprint('\\n'.join(In))\n"
SYNTAX_ERROR = "class Bottleneck(nn.Module):\n    def __init__(self, in_channels, mid_channels, out_channels, stride=1)\n        pass\n"


@pytest.fixture(scope="module")
def graded_class(tmp_path_factory):
    course = Course(tmp_path_factory.mktemp("class"), ROOT)
    released = course.generate(CHAPTER)
    source = course.source_notebook(CHAPTER)
    solved = {cid: nbtools.solved_source(nbtools.cell_by_id(source, cid)) for cid in ("conv2d_params", "small_basic_block")}
    by_name = {v.name: v for v in variants_mod.load(ROOT / "autograde", CHAPTER)}

    def code(name):
        v = by_name[name]
        return v.replaces, v.resolve(nbtools.solved_source(nbtools.cell_by_id(source, v.replaces)))

    keras_cell = nbtools.solved_source(nbtools.cell_by_id(source, "small_basic_block_keras"))
    notebooks = {
        "correct": nbtools.make_submission(released, source),
        "blank": released,
        "partial": nbtools.make_submission(released, source, solved, solve=False),
        "typo": nbtools.make_submission(released, source, {"bottleneck": SYNTAX_ERROR}),
        "wrong": nbtools.make_submission(released, source, dict(code(n) for n in WRONG), keep_demos=False),
        "alt-snoop": nbtools.make_submission(
            released, source, dict([code(ALT), ("small_basic_block_keras", keras_cell + SNOOP)]), keep_demos=False
        ),
    }
    archive = course.folder / "work" / "downloaded" / CHAPTER / "archive"
    archive.mkdir(parents=True)
    with zipfile.ZipFile(archive / "lms-download.zip", "w") as zf:
        for student in ZIPPED:
            path = course.folder / f"{student}.ipynb"
            nbtools.write(notebooks[student], path)
            zf.write(path, f"{student}_attempt_2026-11-20-10-00_{CHAPTER}.ipynb")
    course.nbgrader("zip_collect", CHAPTER, "--force")
    collected = sorted(p.name for p in (course.folder / "work" / "submitted").iterdir())
    for student in set(notebooks) - set(ZIPPED):
        course.submit(student, CHAPTER, notebooks[student])
    course.autograde(CHAPTER, "engine", "--workers", "1")  # six notebooks: a second warm worker costs more than it saves
    course.feedback(CHAPTER)
    pages = {student: page_text(course.feedback_html(student, CHAPTER)) for student in notebooks}
    return course, course.scores(CHAPTER), course.export(), collected, source, released, pages


def test_zip_collect_found_every_student(graded_class):
    _, scores, _, collected, *_ = graded_class
    assert collected == sorted(ZIPPED)
    assert sorted(scores) == sorted(EXPECTED)


@pytest.mark.parametrize("student", sorted(EXPECTED))
def test_score_per_student_and_cell(graded_class, student):
    _, scores, *_ = graded_class
    got = {cell: scores[student][cell].score for cell in POINTS}
    assert got == EXPECTED[student]
    assert all(scores[student][cell].max_score == POINTS[cell] for cell in POINTS)


def test_exported_grades(graded_class):
    _, _, rows, *_ = graded_class
    totals = {row["student_id"]: float(row["score"]) for row in rows if row["assignment"] == CHAPTER}
    assert totals == {student: float(sum(cells.values())) for student, cells in EXPECTED.items()}
    assert all(float(row["max_score"]) == sum(POINTS.values()) for row in rows)


def test_feedback_shows_errors_but_not_hidden_tests(graded_class):
    course, *_ = graded_class
    for student in EXPECTED:
        assert course.feedback_html(student, CHAPTER).exists(), f"no feedback for {student}"
    blank = course.feedback_html("blank", CHAPTER).read_text()
    assert "NotImplementedError" in blank
    typo = course.feedback_html("typo", CHAPTER).read_text()
    assert "SyntaxError" in typo
    for student in EXPECTED:  # hidden tests are not shown (cnngrade.publishing.feedback; below)
        page = course.feedback_html(student, CHAPTER).read_text()
        assert "_reference_bottleneck" not in page and "BEGIN HIDDEN TESTS" not in page


# -- feedback ----------------------------------------------------------------------------------------
class _Text(HTMLParser):
    """The text a reader sees (tags dropped, entities decoded; no <style>/<script>)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self._skip = [], 0

    def handle_starttag(self, tag, attrs):
        self._skip += tag in ("style", "script")

    def handle_endtag(self, tag):
        self._skip -= tag in ("style", "script") and self._skip > 0

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def page_text(path) -> str:
    parser = _Text()
    parser.feed(path.read_text())
    return "".join(parser.parts)


def hidden_test_lines(source, released) -> set[str]:
    """Every stripped non-blank line (over 10 characters) between the markers that students never see
    (not also part of a line of the released notebook, such as a visible test's `with torch.no_grad():`)."""
    public = "\n".join(cell.source for cell in released.cells)
    found = set()
    for cell in source.cells:
        _, hidden = split_hidden(cell.source) if nbtools.is_test_cell(cell) else ("", [])
        found |= {ln.strip() for ln in hidden if len(ln.strip()) > 10 and ln.strip() not in public}
    return found


@pytest.mark.slow
def test_no_hidden_test_line_in_any_feedback(graded_class):
    *_, source, released, pages = graded_class
    secrets = hidden_test_lines(source, released)
    assert len(secrets) > 50  # chapter 1 has many hidden lines; an empty set would prove nothing
    leaks = {student: sorted(s for s in secrets if s in text) for student, text in pages.items()}
    assert leaks == {student: [] for student in pages}
    for student, text in pages.items():
        assert "most recent call last" not in text, f"{student}: a full traceback is shown"
        assert "BEGIN HIDDEN TESTS" not in text and HIDDEN_PLACEHOLDER in text


@pytest.mark.slow
def test_snooping_on_the_input_history_is_not_shown(graded_class):
    *_, pages = graded_class
    assert AFTER_TESTS_NOTE.strip() in pages["alt-snoop"] and "In[" not in pages["alt-snoop"]


@pytest.mark.slow
def test_feedback_shows_visible_tests_verdicts_and_messages(graded_class):
    _, scores, _, _, source, _, pages = graded_class
    visible_first_lines = [split_hidden(c.source)[0].splitlines()[0].strip() for c in source.cells if nbtools.is_test_cell(c)]
    for student, text in pages.items():
        missing = [ln for ln in visible_first_lines if ln not in text]
        assert not missing, f"{student}: visible test lines missing: {missing}"
    for student, cells in scores.items():
        for cell, s in cells.items():
            verdict = "PASSED" if s.score == s.max_score else "FAILED"
            assert f"{verdict} {s.score:g} / {s.max_score:g} points (test cell {cell})" in pages[student]
    assert "NotImplementedError" in pages["blank"]
    assert "This test cell stopped at the check above" in pages["blank"]
    # raised inside the student's own function: the name and a generic line, not the message (which student
    # code chooses: cnngrade.publishing.feedback)
    assert "RuntimeError raised inside code of another cell that this test called" in pages["wrong"]
    assert "einsum()" not in pages["wrong"]
    assert "AssertionError: SmallBasicBlock(12, 32) output:" in pages["wrong"]  # a hidden check's message
    assert "Hint: order: 1x1, ReLU, (3,1), ReLU, (1,3), ReLU, 1x1" in pages["wrong"]


@pytest.mark.slow
def test_a_warning_costs_no_points(graded_class):
    _, scores, *_, pages = graded_class
    assert {cell: scores["alt-snoop"][cell].score for cell in POINTS} == POINTS
    # a test cell's printed output (the warning among it) is not shown in feedback: student code can print
    # anything there; the student sees the warning when running the notebook
    assert "To copy construct from a tensor" not in pages["alt-snoop"]
    assert "PASSED 2 / 2 points (test cell test_conv1x1_as_matmul)" in pages["alt-snoop"]
