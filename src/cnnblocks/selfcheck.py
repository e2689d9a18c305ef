"""Check your notebook the way the grader runs it: ``make check NOTEBOOK=chapters/NN-slug/NN-slug.ipynb``.

Runs a copy of the notebook from top to bottom in a fresh kernel (every cell, as the grader does; your
file is not modified) and prints, per exercise, whether each test cell below it passed, the message
of the first check that failed, and the points at stake; then a total. The notebook you have holds the
visible tests only: the grader also runs hidden tests, so passing here is necessary, not sufficient.

The rules are the grader's: a test cell passes when it runs without an error and writes nothing to
stderr (Python warnings are fine: ``notebook_setup()`` shows them on stdout). Also usable from Python::

    from cnnblocks.selfcheck import check_notebook
    report = check_notebook("chapters/01-one-by-one/01-one-by-one.ipynb")
    print(report.format())
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from .nbgrader_cells import failing_output, is_test_cell, nbgrader_meta


@dataclass
class CellResult:
    grade_id: str
    exercise: str | None  # grade_id of the exercise cell above the test, if any
    points: float
    passed: bool
    message: str = ""


@dataclass
class Report:
    notebook: str
    tests: list[CellResult] = field(default_factory=list)
    manual_points: float = 0.0  # written answers, graded by a person
    other_errors: list[str] = field(default_factory=list)  # errors in cells that are not graded

    @property
    def earned(self) -> float:
        return sum(t.points for t in self.tests if t.passed)

    @property
    def at_stake(self) -> float:
        return sum(t.points for t in self.tests)

    @property
    def all_passed(self) -> bool:
        return all(t.passed for t in self.tests)

    def format(self) -> str:
        lines = [f"Checked {self.notebook} (fresh kernel, every cell, visible tests only)"]
        current = object()
        for t in self.tests:
            if t.exercise != current:
                current = t.exercise
                lines.append(f"exercise {t.exercise}" if t.exercise else "tests")
            verdict = "PASS" if t.passed else "FAIL"
            lines.append(f"  {verdict}  {t.grade_id:<40} {t.points if t.passed else 0:g} / {t.points:g} points")
            for msg_line in t.message.splitlines():
                lines.append(f"        {msg_line}")
        for err in self.other_errors:
            lines.append(f"note: {err}")
        lines.append(
            f"Total: {self.earned:g} / {self.at_stake:g} points on the visible tests"
            f" ({sum(t.passed for t in self.tests)} of {len(self.tests)} test cells passed)."
        )
        if self.manual_points:
            lines.append(f"Written answers ({self.manual_points:g} points) are graded by a person.")
        lines.append("The grader also runs hidden tests: passing here is necessary, not sufficient.")
        return "\n".join(lines)


def _first_line(text: str, limit: int = 300) -> str:
    text = text.strip().splitlines()[0] if text.strip() else ""
    return text if len(text) <= limit else text[:limit] + " ..."


def failure(cell) -> str | None:
    """Why the grader would give this executed cell zero (None: it would give full marks)."""
    out = failing_output(cell)
    if out is None:
        return None
    if out.output_type == "error":
        return f"{out.ename}: {out.evalue}" if out.evalue else out.ename
    return "wrote to stderr (the grader counts that as a failure): " + _first_line(out.text)


def summarize(nb, name: str = "notebook") -> Report:
    """The report for an already executed notebook."""
    report = Report(name)
    exercise = None
    for index, cell in enumerate(nb.cells):
        meta = nbgrader_meta(cell)
        if meta.get("solution") and cell.cell_type == "code":
            exercise = meta.get("grade_id")
        if meta.get("task") or (meta.get("solution") and meta.get("grade")):
            report.manual_points += float(meta.get("points", 0))
        if is_test_cell(cell):
            why = failure(cell)
            report.tests.append(CellResult(meta.get("grade_id", f"cell {index}"), exercise,
                                           float(meta.get("points", 0)), why is None, why or ""))
        elif cell.cell_type == "code" and not meta.get("solution"):
            why = failure(cell)
            if why and any(o.output_type == "error" for o in cell.get("outputs", [])):
                report.other_errors.append(f"cell {index} (not graded) failed, later cells may fail too: {_first_line(why)}")
    return report


def check_notebook(path: str | Path, timeout: int = 600, kernel_name: str | None = None) -> Report:
    """Run a copy of the notebook at ``path`` in a fresh kernel and report on its test cells."""
    from nbclient import NotebookClient

    path = Path(path)
    nb = nbformat.read(str(path), as_version=4)
    kwargs = {"kernel_name": kernel_name} if kernel_name else {}
    client = NotebookClient(
        nb, timeout=timeout, allow_errors=True, resources={"metadata": {"path": str(path.parent.resolve())}}, **kwargs
    )
    client.execute()
    return summarize(nb, str(path))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m cnnblocks.selfcheck", description=__doc__.split("\n\n")[0])
    parser.add_argument("notebook", help="e.g. chapters/01-one-by-one/01-one-by-one.ipynb")
    parser.add_argument("--timeout", type=int, default=600, help="seconds per cell (default 600)")
    args = parser.parse_args(argv)
    if not Path(args.notebook).is_file():
        print(f"no such notebook: {args.notebook}", file=sys.stderr)
        return 2
    print(f"Running {args.notebook} in a fresh kernel ...", flush=True)
    report = check_notebook(args.notebook, timeout=args.timeout)
    print(report.format())
    return 0 if report.all_passed else 1


if __name__ == "__main__":
    sys.exit(main())
