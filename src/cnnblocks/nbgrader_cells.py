"""nbgrader's cell metadata, read the same way by the student's ``make check`` (``cnnblocks.selfcheck``) and the
grading tools (``cnngrade.notebook``, ``cnngrade.publishing.report``): one definition of a test cell and of the
output that makes nbgrader score a test cell zero. (nbgrader's solution and hidden-test markers live in
``cnngrade.notebook``: this package ships to students, and the student edition refuses any file holding them.)"""
from __future__ import annotations

def nbgrader_meta(cell) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {})


def is_test_cell(cell) -> bool:
    """An autograded test cell: graded, locked, not a solution."""
    meta = nbgrader_meta(cell)
    return cell.cell_type == "code" and bool(meta.get("grade")) and not meta.get("solution")


def failing_output(cell):
    """The output for which nbgrader scores an executed test cell zero: its first error, else its first
    stderr stream, else None."""
    for out in cell.get("outputs", []):
        if out.output_type == "error":
            return out
    for out in cell.get("outputs", []):
        if out.output_type == "stream" and out.get("name") == "stderr":
            return out
    return None
