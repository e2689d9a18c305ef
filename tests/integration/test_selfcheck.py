"""`make check` / cnnblocks.selfcheck: the student's own check, with the grader's rules."""
import ast
import subprocess
import sys
from pathlib import Path

import nbformat

from cnnblocks import selfcheck

from conftest import ROOT


def graded(source, grade_id, points=None, solution=False):
    cell = nbformat.v4.new_code_cell(source)
    meta = {"grade_id": grade_id, "locked": not solution, "schema_version": 3, "solution": solution,
            "task": False, "grade": points is not None}
    if points is not None:
        meta["points"] = points
    cell.metadata["nbgrader"] = meta
    cell.metadata["tags"] = ["raises-exception", "remove-output"]
    return cell


def tiny_notebook(body: str) -> nbformat.NotebookNode:
    """Two exercises, three test cells, one written answer; ``body`` is the student's ``double``."""
    nb = nbformat.v4.new_notebook()
    answer = nbformat.v4.new_markdown_cell("YOUR ANSWER HERE")
    answer.metadata["nbgrader"] = {"grade_id": "why", "grade": True, "solution": True, "points": 3,
                                   "locked": False, "schema_version": 3, "task": False}
    nb.cells = [
        nbformat.v4.new_code_cell("from cnnblocks import notebook_setup\nnotebook_setup()\n"
                                  "from cnnblocks.checks import check_equal"),
        graded(body, "double", solution=True),
        graded("check_equal(double(2), 4, 'double(2)', hint='twice the input')", "test_double", 2),
        graded("import warnings\nwarnings.warn('old spelling', UserWarning)\ncheck_equal(double(0), 0, 'double(0)')",
               "test_double_warns", 1),
        graded("def half(x):\n    return x // 2", "half", solution=True),
        graded("import sys\nprint('noise', file=sys.stderr)\ncheck_equal(half(4), 2, 'half(4)')", "test_half_stderr", 1),
        answer,
    ]
    return nb


def run(nb, tmp_path: Path) -> selfcheck.Report:
    path = tmp_path / "nb.ipynb"
    nbformat.write(nb, str(path))
    return selfcheck.check_notebook(path, timeout=120)


def test_report_per_exercise_with_messages_and_points(tmp_path):
    report = run(tiny_notebook("def double(x):\n    return x + 1"), tmp_path)
    got = {t.grade_id: (t.exercise, t.points, t.passed) for t in report.tests}
    assert got == {
        "test_double": ("double", 2.0, False),
        "test_double_warns": ("double", 1.0, False),  # double(0) == 1: fails on its check, not on the warning
        "test_half_stderr": ("half", 1.0, False),  # stderr costs the points, as in nbgrader
    }
    messages = {t.grade_id: t.message for t in report.tests}
    assert messages["test_double"] == "AssertionError: double(2): expected 4, got 3.\nHint: twice the input"
    assert messages["test_half_stderr"].startswith("wrote to stderr") and "noise" in messages["test_half_stderr"]
    assert report.manual_points == 3 and (report.earned, report.at_stake) == (0, 4)
    text = report.format()
    assert "exercise double" in text and "FAIL  test_double " in text and "Total: 0 / 4 points" in text
    assert "Hint: twice the input" in text and "graded by a person" in text


def test_a_warning_does_not_cost_points_and_the_file_is_untouched(tmp_path):
    nb = tiny_notebook("def double(x):\n    return 2 * x")
    report = run(nb, tmp_path)
    passed = {t.grade_id: t.passed for t in report.tests}
    assert passed == {"test_double": True, "test_double_warns": True, "test_half_stderr": False}
    assert "Total: 3 / 4 points" in report.format()
    on_disk = nbformat.read(str(tmp_path / "nb.ipynb"), as_version=4)
    assert all(not c.get("outputs") for c in on_disk.cells if c.cell_type == "code")


def test_a_stub_fails_with_not_implemented(tmp_path):
    report = run(tiny_notebook("def double(x):\n    # YOUR CODE HERE\n    raise NotImplementedError()"), tmp_path)
    assert report.tests[0].message == "NotImplementedError"
    assert not report.all_passed


def test_cli_exit_status(tmp_path):
    nbformat.write(tiny_notebook("def double(x):\n    return 2 * x"), str(tmp_path / "nb.ipynb"))
    proc = subprocess.run([sys.executable, "-m", "cnnblocks.selfcheck", str(tmp_path / "nb.ipynb")],
                          capture_output=True, text=True)
    assert proc.returncode == 1, proc.stderr  # test_half_stderr fails
    assert "Total: 3 / 4 points on the visible tests (2 of 3 test cells passed)." in proc.stdout
    missing = subprocess.run([sys.executable, "-m", "cnnblocks.selfcheck", str(tmp_path / "none.ipynb")],
                             capture_output=True, text=True)
    assert missing.returncode == 2


def test_selfcheck_holds_no_solution():
    """Students import it: it must not name any exercise of any chapter."""
    tree = ast.parse((ROOT / "src" / "cnnblocks" / "selfcheck.py").read_text())
    names = {n.name for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
    import nbformat as nbf

    exercises = set()
    for path in (ROOT / "solutions").glob("*/*.ipynb"):
        for cell in nbf.read(str(path), as_version=4).cells:
            meta = cell.get("metadata", {}).get("nbgrader", {})
            if meta.get("solution"):
                exercises.add(meta.get("grade_id"))
    assert not names & exercises
    assert "### BEGIN SOLUTION" not in (ROOT / "src" / "cnnblocks" / "selfcheck.py").read_text()
