"""``make bench``: wall-clock time of every solution notebook (all cells) and of a fresh book build.

Benchmarks, not timed tests: they print numbers for the budgets in the course guide (a chapter's
solution notebook under 60 s on a laptop CPU, imports included) and fail nothing.
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

from .course import chapters, repo_root


def time_notebook(path: Path, timeout: int = 600) -> float:
    """Seconds to run every cell of the notebook (exercise and test cells included) in a fresh kernel."""
    nb = nbformat.read(str(path), as_version=4)
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    start = time.perf_counter()
    client.execute()
    return time.perf_counter() - start


def time_book(root: Path) -> float:
    """Seconds for `jupyter-book build` from an empty cache, into a temporary folder."""
    with tempfile.TemporaryDirectory(prefix="book-") as out:
        start = time.perf_counter()
        subprocess.run([shutil.which("jupyter-book") or "jupyter-book", "build", str(root), "--path-output", out,
                        "-W", "-n", "--keep-going", "-q"], check=True, capture_output=True)
        return time.perf_counter() - start


def main() -> int:
    root = repo_root()
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    print(f"{'notebook':40s} {'seconds':>8s}")
    for chapter in chapters(root):
        seconds = time_notebook(root / "solutions" / chapter / f"{chapter}.ipynb")
        flag = "" if seconds < 60 else "  (over the 60 s budget)"
        print(f"{'solutions/' + chapter:40s} {seconds:8.1f}{flag}", flush=True)
    print(f"{'book build (fresh cache)':40s} {time_book(root):8.1f}")
    print(f"machine: {os.cpu_count()} CPU cores, Python {sys.version.split()[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
