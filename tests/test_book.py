"""The book builds offline with warnings as errors; every chapter page shows figures, no traceback,
and blank exercises (stubs, no solution or hidden test)."""
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CHAPTERS, ROOT


@pytest.fixture(scope="module")
def html(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("book")
    jb = shutil.which("jupyter-book") or str(Path(sys.executable).parent / "jupyter-book")
    proc = subprocess.run([jb, "build", str(ROOT), "--path-output", str(out), "-W", "-n", "--keep-going"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, f"book build failed:\n{proc.stdout[-5000:]}\n{proc.stderr[-5000:]}"
    return out / "_build" / "html"


@pytest.mark.slow
def test_intro_page(html):
    page = (html / "intro.html").read_text()
    assert "How grading works" in page


@pytest.mark.slow
@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_page_has_figures_and_blank_exercises(html, chapter):
    page = (html / "chapters" / chapter / f"{chapter}.html").read_text()
    images = re.findall(r'<img[^>]+src="[^"]*_images/[^"]+\.png"', page)
    assert len(images) >= 2, f"{chapter}: expected figures, found {len(images)}"
    for bad in ("Traceback (most recent call last)", "BEGIN SOLUTION", "BEGIN HIDDEN TESTS"):
        assert bad not in page, f"{chapter} page contains {bad!r}"
    assert not re.search(r'class="[^"]*\bstderr\b', page), f"{chapter} page shows stderr output"
    assert "NotImplementedError" in page  # the exercises are shown blank
