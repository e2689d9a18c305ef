"""Reading nbgrader notebooks and building synthetic submissions from them.

The solution notebook in ``solutions/`` is the one source of a chapter. A *submission* is what a
student hands in: the released notebook (``chapters/``) with some solution cells filled in. The
grading tools build submissions from the two notebooks so that the tests of the tests exercise real
``nbgrader autograde`` on realistic input.
"""
from __future__ import annotations

import copy
from pathlib import Path
from typing import Mapping

import nbformat
from nbformat import NotebookNode

from cnnblocks.nbgrader_cells import is_test_cell, nbgrader_meta  # noqa: F401 - one definition, shared with make check

SOLUTION_BEGIN = "### BEGIN SOLUTION"
SOLUTION_END = "### END SOLUTION"
HIDDEN_BEGIN = "### BEGIN HIDDEN TESTS"
HIDDEN_END = "### END HIDDEN TESTS"

SKIP_EXECUTION = "skip-execution"  # nbclient skips such cells by default: never on a graded cell
# Graded code cells carry these instead: nbclient and myst-nb run them and tolerate their error (a
# stub raises NotImplementedError), and the book hides their output, so any grader runs every test.
GRADED_CELL_TAGS = ("raises-exception", "remove-output")
SETUP_TAG = "setup"


def notebook_name(chapter: str) -> str:
    """A chapter's notebook file name: every folder of a chapter (source, release, submission, autograded
    copy) holds it under this one name."""
    return f"{chapter}.ipynb"


def notebook_path(folder: str | Path, chapter: str) -> Path:
    """``folder/<chapter>/<chapter>.ipynb`` (``folder``: solutions/, chapters/, a student's submitted folder...)."""
    return Path(folder) / chapter / notebook_name(chapter)


def read(path: str | Path) -> NotebookNode:
    return nbformat.read(str(path), as_version=4)


def write(nb: NotebookNode, path: str | Path) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(path))


def grade_id(cell: NotebookNode) -> str | None:
    return nbgrader_meta(cell).get("grade_id")


def is_solution_cell(cell: NotebookNode) -> bool:
    return bool(nbgrader_meta(cell).get("solution"))


def is_manual_cell(cell: NotebookNode) -> bool:
    """A cell graded by a person: an answer cell (solution and grade) or a task."""
    meta = nbgrader_meta(cell)
    return bool(meta.get("task")) or (bool(meta.get("solution")) and bool(meta.get("grade")))


def test_cells(nb: NotebookNode) -> dict[str, float]:
    """``{grade_id: points}`` of the autograded test cells, in notebook order."""
    return {grade_id(c): float(nbgrader_meta(c)["points"]) for c in nb.cells if is_test_cell(c)}


def exercise_ids(nb: NotebookNode) -> list[str]:
    """Grade ids of the code cells students write (nbgrader solution cells), in notebook order."""
    return [grade_id(c) for c in nb.cells if is_solution_cell(c) and c.cell_type == "code"]


def cell_by_id(nb: NotebookNode, cell_id: str) -> NotebookNode:
    for cell in nb.cells:
        if grade_id(cell) == cell_id:
            return cell
    raise KeyError(f"no cell with grade_id {cell_id!r}")


def strip_markers(source: str, begin: str = SOLUTION_BEGIN, end: str = SOLUTION_END) -> str:
    """The source as a student who solved the exercise would have it: marker lines removed."""
    lines = [ln for ln in source.splitlines() if ln.strip() not in (begin, end)]
    return "\n".join(lines)


def solved_source(source_cell: NotebookNode) -> str:
    return strip_markers(source_cell.source)


def make_submission(
    released: NotebookNode,
    source: NotebookNode,
    replacements: Mapping[str, str] | None = None,
    solve: bool = True,
    keep_demos: bool = True,
) -> NotebookNode:
    """A student's notebook built from the released one.

    Args:
        released: the notebook students get (stubs, visible tests only).
        source: the solution notebook (full solutions).
        replacements: ``{grade_id: code}`` put in place of those solution cells (a known-wrong or a
            valid alternative implementation).
        solve: fill every other solution cell with the solution (``False`` leaves the stubs).
        keep_demos: keep the lesson's demo cells. ``False`` keeps only markdown, the cells tagged
            ``setup`` and the nbgrader cells, which is what the graded cells may depend on; it makes
            grading many variants fast and proves the exercises do not depend on demo cells.
    """
    replacements = dict(replacements or {})
    nb = copy.deepcopy(released)
    kept = []
    for cell in nb.cells:
        cid = grade_id(cell)
        if is_solution_cell(cell) and cell.cell_type == "code":
            if cid in replacements:
                cell.source = replacements.pop(cid)
            elif solve:
                cell.source = solved_source(cell_by_id(source, cid))
        elif is_solution_cell(cell) and solve:
            cell.source = solved_source(cell_by_id(source, cid))
        if not keep_demos and cell.cell_type == "code" and not nbgrader_meta(cell):
            if SETUP_TAG not in cell.metadata.get("tags", []):
                continue
        kept.append(cell)
    if replacements:
        raise KeyError(f"no solution cells named {sorted(replacements)}")
    nb.cells = kept
    return nb


def has_committed_outputs(nb: NotebookNode) -> bool:
    return any(c.cell_type == "code" and (c.get("outputs") or c.get("execution_count")) for c in nb.cells)
