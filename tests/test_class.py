"""A small synthetic class graded with the instructor's commands, end to end, through real nbgrader.

Four students hand in chapter 1 as LMS downloads in a zip: one correct, one blank, one who solved
only two exercises, one whose Bottleneck cell has a syntax error. `zip_collect`, `autograde`,
`generate_feedback` and `export` run as the Makefile runs them (the repository's nbgrader_config.py,
in a temporary course), and every student's score on every test cell must be exactly as expected.
"""
import zipfile

import pytest

from cnngrade import notebook as nbtools
from cnngrade.course import Course

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
}
SYNTAX_ERROR = "class Bottleneck(nn.Module):\n    def __init__(self, in_channels, mid_channels, out_channels, stride=1)\n        pass\n"


@pytest.fixture(scope="module")
def graded_class(tmp_path_factory):
    course = Course(tmp_path_factory.mktemp("class"), ROOT)
    released = course.generate(CHAPTER)
    source = course.source_notebook(CHAPTER)
    solved = {cid: nbtools.solved_source(nbtools.cell_by_id(source, cid)) for cid in ("conv2d_params", "small_basic_block")}
    notebooks = {
        "correct": nbtools.make_submission(released, source),
        "blank": released,
        "partial": nbtools.make_submission(released, source, solved, solve=False),
        "typo": nbtools.make_submission(released, source, {"bottleneck": SYNTAX_ERROR}),
    }
    archive = course.folder / "work" / "downloaded" / CHAPTER / "archive"
    archive.mkdir(parents=True)
    with zipfile.ZipFile(archive / "lms-download.zip", "w") as zf:
        for student, nb in notebooks.items():
            path = course.folder / f"{student}.ipynb"
            nbtools.write(nb, path)
            zf.write(path, f"{student}_attempt_2026-11-20-10-00_{CHAPTER}.ipynb")
    course.nbgrader("zip_collect", CHAPTER, "--force")
    course.autograde(CHAPTER, "engine", "--workers", "1")  # four notebooks: a second warm worker costs more than it saves
    course.feedback(CHAPTER)
    return course, course.scores(CHAPTER), course.export()


def test_zip_collect_found_every_student(graded_class):
    course, scores, _ = graded_class
    assert sorted(scores) == sorted(EXPECTED)


@pytest.mark.parametrize("student", sorted(EXPECTED))
def test_score_per_student_and_cell(graded_class, student):
    _, scores, _ = graded_class
    got = {cell: scores[student][cell].score for cell in POINTS}
    assert got == EXPECTED[student]
    assert all(scores[student][cell].max_score == POINTS[cell] for cell in POINTS)


def test_exported_grades(graded_class):
    _, _, rows = graded_class
    totals = {row["student_id"]: float(row["score"]) for row in rows if row["assignment"] == CHAPTER}
    assert totals == {student: float(sum(cells.values())) for student, cells in EXPECTED.items()}
    assert all(float(row["max_score"]) == sum(POINTS.values()) for row in rows)


def test_feedback_shows_errors_but_not_hidden_tests(graded_class):
    course, _, _ = graded_class
    for student in EXPECTED:
        assert course.feedback_html(student, CHAPTER).exists(), f"no feedback for {student}"
    blank = course.feedback_html("blank", CHAPTER).read_text()
    assert "NotImplementedError" in blank
    typo = course.feedback_html("typo", CHAPTER).read_text()
    assert "SyntaxError" in typo
    for student in EXPECTED:  # hidden tests are not shown (cnngrade.feedback; tests/test_feedback.py)
        page = course.feedback_html(student, CHAPTER).read_text()
        assert "_reference_bottleneck" not in page and "BEGIN HIDDEN TESTS" not in page
