import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from cnngrade.course import chapters

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = chapters(ROOT)


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


# -- order: the longest modules first ----------------------------------------------------------------
# `make test` runs the modules on two workers (`--dist loadscope --no-loadscope-reorder`): each worker takes
# the next module when it is done with one. Longest first leaves only short modules for the end, so that
# neither worker idles while the other finishes a long one. Measured CPU seconds, each module alone, on
# 2 cores: chapters 240, engine 200, book 117, attacks 85, submission_files ~50, class 40, default_config 35,
# student_edition 23;
# the browser waits for the book (built by whichever worker asks first). Modules not listed run after these.
LONGEST_FIRST = ["test_chapters", "test_book", "test_engine", "test_attacks", "test_submission_files", "test_class",
                 "test_default_config", "test_student_edition", "test_browser"]


# Integration modules whose every test runs notebooks or graders, without marks of their own (other branches
# were editing them when the tests were split into unit/ and integration/): marked slow here, so that
# `make test-fast` (-m "not slow") leaves them out.
SLOW_MODULES = {"test_attacks", "test_submission_files"}


def pytest_collection_modifyitems(items):
    for item in items:
        if item.path.stem in SLOW_MODULES:
            item.add_marker(pytest.mark.slow)
    rank = {name: i for i, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.stem, len(rank)))  # stable: same order inside a module


# -- the book, built once per test run and shared by tests/test_book.py and tests/test_browser.py -----------
# Built into _build/test-book (kept after the run: CI keeps the screenshots in _build/test-book/screenshots);
# its Jupyter cache makes later runs fast, and `--all` re-reads every page so that -W still sees every warning.
BOOK_BUILD = ROOT / "_build" / "test-book"
_STARTED = time.time()
_RUN_ID = os.environ.get("PYTEST_XDIST_TESTRUNUID") or uuid.uuid4().hex  # the same in every xdist worker


def _helpers_digest() -> str:
    import hashlib

    digest = hashlib.sha256()
    for path in sorted((ROOT / "src" / "cnnblocks").rglob("*.py")) + [ROOT / "constraints.txt"]:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def drop_stale_cache(out: Path) -> None:
    """Jupyter's cache keys on the notebooks' code only: drop it when the helpers or the lock change."""
    key, key_file = _helpers_digest(), out / "cache-key"
    if not key_file.exists() or key_file.read_text() != key:
        shutil.rmtree(out / "_build" / ".jupyter_cache", ignore_errors=True)
        out.mkdir(parents=True, exist_ok=True)
        key_file.write_text(key)


def build_book(out: Path, source: Path = ROOT) -> subprocess.CompletedProcess:
    jb = shutil.which("jupyter-book") or str(Path(sys.executable).parent / "jupyter-book")
    return subprocess.run([jb, "build", str(source), "--path-output", str(out), "--all", "-W", "-n", "--keep-going"],
                          capture_output=True, text=True)


@pytest.fixture(scope="session")
def book_html() -> Path:
    """The HTML of the book (``make book``'s build), built at most once per test run, even with xdist.
    ``BOOK_HTML=path/to/_build/html`` tests that build instead (e.g. after ``make book``)."""
    from filelock import FileLock

    if os.environ.get("BOOK_HTML"):
        return Path(os.environ["BOOK_HTML"]).resolve()

    BOOK_BUILD.mkdir(parents=True, exist_ok=True)
    stamp = BOOK_BUILD / "built-by-run"  # first line: the run's id; then the failure, if the build failed
    with FileLock(str(BOOK_BUILD) + ".lock"):
        if not (stamp.exists() and stamp.read_text().split("\n", 1)[0] == _RUN_ID):
            stamp.unlink(missing_ok=True)
            drop_stale_cache(BOOK_BUILD)
            proc = build_book(BOOK_BUILD)
            failure = "" if proc.returncode == 0 else f"{proc.stdout[-5000:]}\n{proc.stderr[-5000:]}"
            stamp.write_text(f"{_RUN_ID}\n{failure}")  # other workers fail with it instead of building again
        failure = stamp.read_text().split("\n", 1)[1]
    assert not failure.strip(), f"book build failed:\n{failure}"
    return BOOK_BUILD / "_build" / "html"


ZH_BUILD = ROOT / "_build" / "test-book-zh_CN"


@pytest.fixture(scope="session")
def zh_book_html(book_html) -> Path:
    """The zh-CN book (``make book LANG=zh_CN``'s build, -W, reading the English book's execution cache),
    published in ``<book_html>/zh_CN/`` as ``make book`` does; built at most once per test run."""
    from filelock import FileLock

    from cnngrade.publishing import translated_book as i18n

    target = book_html / "zh_CN"
    if os.environ.get("BOOK_HTML"):
        return target
    stamp = ZH_BUILD / "built-by-run"
    ZH_BUILD.mkdir(parents=True, exist_ok=True)
    with FileLock(str(ZH_BUILD) + ".lock"):
        if not (stamp.exists() and stamp.read_text().split("\n", 1)[0] == _RUN_ID):
            stamp.unlink(missing_ok=True)
            proc = i18n.build_book(ROOT, "zh_CN", english_html=book_html, out=ZH_BUILD)
            failure = "" if proc.returncode == 0 else f"{proc.stdout[-5000:]}\n{proc.stderr[-5000:]}"
            stamp.write_text(f"{_RUN_ID}\n{failure}")
        failure = stamp.read_text().split("\n", 1)[1]
    assert not failure.strip(), f"zh_CN book build failed:\n{failure}"
    return target


def pytest_terminal_summary(terminalreporter):
    """List the chapter screenshots tests/test_browser.py saved in this run (xdist hides the tests' prints)."""
    shots = BOOK_BUILD / "screenshots"
    fresh = sorted(p for p in shots.glob("*.png") if p.stat().st_mtime >= _STARTED) if shots.is_dir() else []
    if fresh:
        terminalreporter.write_sep("-", "browser screenshots")
        for path in fresh:
            terminalreporter.write_line(str(path))
