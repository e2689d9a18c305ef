"""``make bench``: wall-clock time of every solution notebook (all cells) and of the book's builds.

Benchmarks, not timed tests: they print numbers for the budgets in the course guide (a chapter's
solution notebook under 60 s on a laptop CPU, imports included). The book part builds a scratch copy of the
book clean, then cached, then after a prose-only change and after a code change, and counts the notebooks
executed each time: the only failure is a rebuild without code changes that re-executes a notebook.

``python -m cnngrade bench --book`` (``make bench``) runs only the book part.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from .. import notebook as nbtools
from ..course import chapters, repo_root


def time_notebook(path: Path, timeout: int = 600) -> float:
    """Seconds to run every cell of the notebook (exercise and test cells included) in a fresh kernel."""
    nb = nbformat.read(str(path), as_version=4)
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    start = time.perf_counter()
    client.execute()
    return time.perf_counter() - start




def _build(src: Path, out: Path, *extra: str) -> tuple[float, int, str]:
    """(seconds, notebooks executed, log) of `jupyter-book build src --path-output out -W -n`."""
    start = time.perf_counter()
    jb = shutil.which("jupyter-book") or str(Path(sys.executable).parent / "jupyter-book")
    proc = subprocess.run([jb, "build", str(src), "--path-output",
                           str(out), "-W", "-n", "--keep-going", *extra], capture_output=True, text=True)
    seconds = time.perf_counter() - start
    log = proc.stdout + proc.stderr
    if proc.returncode:
        raise RuntimeError(f"book build failed:\n{log[-4000:]}")
    return seconds, log.count("Executing notebook using"), log


def _edit_first_cell(path: Path, cell_type: str, edit) -> None:
    nb = nbformat.read(str(path), as_version=4)
    cell = next(c for c in nb.cells if c.cell_type == cell_type)
    cell.source = edit(cell.source)
    nbformat.write(nb, str(path))


def time_book(root: Path) -> list[tuple[str, float, int]]:
    """Book builds in a scratch copy of the book's sources: (what, seconds, notebooks executed) for a clean
    build, a cached rebuild of every page, a rebuild after a prose-only change (a markdown cell of the first
    chapter: myst-nb's cache keys on code cells, so nothing may execute), and after a code change there."""
    chapter = chapters(root)[0]
    with tempfile.TemporaryDirectory(prefix="book-bench-") as tmp:
        src, out = Path(tmp) / "src", Path(tmp) / "out"
        shutil.copytree(root / "chapters", src / "chapters")  # the pages: top-level files and the chapters
        for path in root.iterdir():
            if path.is_file():
                shutil.copy2(path, src / path.name)
        shutil.copytree(root / "_ext", src / "_ext")  # the book's local Sphinx extensions
        notebook = src / nbtools.notebook_path("chapters", chapter)
        rows = []
        seconds, executed, _ = _build(src, out)
        rows.append(("book build (clean: empty cache)", seconds, executed))
        seconds, executed, _ = _build(src, out, "--all")
        rows.append(("book rebuild (cached, every page re-read)", seconds, executed))
        _edit_first_cell(notebook, "markdown", lambda s: s + "\n\nA sentence added by make bench.")
        seconds, executed, _ = _build(src, out)
        page = (out / "_build" / "html" / "chapters" / chapter / f"{chapter}.html").read_text()
        assert "A sentence added by make bench." in page, "the prose change did not reach the page"
        rows.append((f"book rebuild after a prose-only change ({chapter})", seconds, executed))
        _edit_first_cell(notebook, "code", lambda s: s + "\n# a comment added by make bench")
        seconds, executed, _ = _build(src, out)
        rows.append((f"book rebuild after a code change ({chapter})", seconds, executed))
        return rows


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    root = repo_root()
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    print(f"{'notebook':40s} {'seconds':>8s}")
    for chapter in ([] if "--book" in argv else chapters(root)):
        seconds = time_notebook(root / nbtools.notebook_path("solutions", chapter))
        flag = "" if seconds < 60 else "  (over the 60 s budget)"
        print(f"{'solutions/' + chapter:40s} {seconds:8.1f}{flag}", flush=True)
    status = 0
    print(f"\n{'book':58s} {'seconds':>8s} {'notebooks executed':>19s}")
    for what, seconds, executed in time_book(root):
        flag = ""
        if ("cached" in what or "prose" in what) and executed:
            flag, status = "  FAIL: a rebuild without code changes re-executed notebooks", 1
        print(f"{what:58s} {seconds:8.1f} {executed:19d}{flag}", flush=True)
    print(f"machine: {os.cpu_count()} CPU cores, Python {sys.version.split()[0]}")
    return status


if __name__ == "__main__":
    sys.exit(main())
