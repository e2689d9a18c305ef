"""`make student-edition DEST=...`: the course for students, without anything students must not get.

The edition is built once into a temporary folder. It must hold the student notebooks, the book, the
helper package and the student README/Makefile, and none of: solutions (markers or any line of a
solution cell that students do not already see), hidden tests (any line), known-wrong variants,
`autograde/`, `solutions/`, `cnngrade`. Its own Makefile must work: `make -n setup` prints the install
steps, and `make check` on chapter 1's notebook really runs it (with this repository's .venv, so the
test installs nothing).
"""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cnngrade.publishing import edition
from cnngrade import notebook as nbtools
from cnngrade.authoring import variants as variants_mod
from cnngrade.course import chapters as all_chapters

from conftest import ROOT


def chapters(root):
    """The published chapters (a student notebook in chapters/); solutions/ may hold work in progress."""
    return sorted(p.parent.name for p in (root / "chapters").glob("*/*.ipynb") if p.stem == p.parent.name)

VENV = Path(sys.executable).parent.parent
CHAPTER = "01-one-by-one"


@pytest.fixture(scope="module")
def student_edition(tmp_path_factory):
    return edition.build(tmp_path_factory.mktemp("edition") / "cnn-building-blocks", ROOT, git=True)


def text_files(dest: Path):
    for path in sorted(dest.rglob("*")):
        if path.is_file() and ".git" not in path.relative_to(dest).parts:
            try:
                yield path, path.read_text()
            except UnicodeDecodeError:
                continue


def secret_lines() -> set[str]:
    """Lines students never see: solution bodies and hidden tests (stripped, over 10 characters,
    not also part of a line of a released notebook, e.g. a signature or a visible test)."""
    public = set()
    for ch in chapters(ROOT):
        for cell in nbtools.read(ROOT / "chapters" / ch / f"{ch}.ipynb").cells:
            public |= {ln.strip() for ln in cell.source.splitlines()}
    secrets = set()
    for ch in all_chapters(ROOT):
        for cell in nbtools.read(ROOT / "solutions" / ch / f"{ch}.ipynb").cells:
            for begin, end in ((nbtools.SOLUTION_BEGIN, nbtools.SOLUTION_END), (nbtools.HIDDEN_BEGIN, nbtools.HIDDEN_END)):
                inside = False
                for line in cell.source.splitlines():
                    if line.strip() == begin:
                        inside = True
                    elif line.strip() == end:
                        inside = False
                    elif inside and len(line.strip()) > 10:
                        secrets.add(line.strip())
    public_text = "\n".join(public)
    return {s for s in secrets if s not in public_text}


def test_layout(student_edition):
    dest = student_edition
    for ch in chapters(ROOT):
        assert (dest / "chapters" / ch / f"{ch}.ipynb").is_file()
    for name in ("_config.yml", "_toc.yml", "intro.md", "README.md", "Makefile", "requirements.txt",
                 "constraints.txt", "pyproject.toml", ".gitignore", "src/cnnblocks/__init__.py",
                 "src/cnnblocks/selfcheck.py"):
        assert (dest / name).is_file(), name
    for page in edition.toc_pages(ROOT):
        assert (dest / page).is_file(), page
    for folder in ("solutions", "autograde", "tests", "src/cnngrade"):
        assert not (dest / folder).exists(), folder
    assert not list(dest.rglob("cnngrade*")) and not list(dest.rglob("__pycache__"))
    assert os.listdir(dest / "src") == ["cnnblocks"]
    log = subprocess.run(["git", "log", "--oneline"], cwd=dest, capture_output=True, text=True, check=True)
    assert "student edition" in log.stdout
    status = subprocess.run(["git", "status", "--porcelain"], cwd=dest, capture_output=True, text=True, check=True)
    assert status.stdout == ""


def test_no_solution_hidden_test_or_variant(student_edition):
    secrets = secret_lines()
    assert len(secrets) > 100  # every chapter's solutions and hidden tests: an empty set would prove nothing
    variant_files = {p.name for p in (ROOT / "autograde").glob("*/*/*.py")}
    variant_bodies = set()
    for ch in chapters(ROOT):
        for v in variants_mod.load(ROOT / "autograde", ch):
            if not variants_mod.is_patch(v.code):
                variant_bodies |= {ln.strip() for ln in v.code.splitlines() if len(ln.strip()) > 30} - secrets
    public = {ln.strip() for ch in chapters(ROOT)
              for cell in nbtools.read(ROOT / "chapters" / ch / f"{ch}.ipynb").cells for ln in cell.source.splitlines()}
    variant_bodies = {b for b in variant_bodies if b not in "\n".join(public)}
    for path, text in text_files(student_edition):
        rel = path.relative_to(student_edition)
        assert path.name not in variant_files, f"{rel}: a known-wrong/valid variant file"
        for marker in ("### BEGIN SOLUTION", "### END SOLUTION", "BEGIN HIDDEN TESTS", "# loses:", "# replaces:"):
            assert marker not in text, f"{rel} contains {marker!r}"
        if path.suffix == ".ipynb":
            lines = {ln.strip() for cell in nbtools.read(path).cells for ln in cell.source.splitlines()}
        else:
            lines = {ln.strip() for ln in text.splitlines()}
        # a secret line as a line of its own, or (long ones) anywhere in the file
        leaked = sorted(s for s in secrets if s in lines or (len(s) > 30 and s in text))
        assert not leaked, f"{rel} holds solution / hidden-test lines: {leaked[:5]}"
        copied = sorted(s for s in variant_bodies if s in text)
        assert not copied, f"{rel} holds variant code: {copied[:5]}"
        if rel.parts[0] in ("src", "_ext") or rel.suffix in (".py", ".toml", ".yml"):
            assert "import cnngrade" not in text and "from cnngrade" not in text, f"{rel} imports the grading tools"


def test_refuses_a_folder_that_is_not_empty(tmp_path):
    (tmp_path / "something").write_text("x")
    with pytest.raises(edition.EditionError):
        edition.build(tmp_path, ROOT)


def make(dest: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MAKEFLAGS", "MFLAGS"))}
    env["PYTHONPATH"] = str(dest / "src")  # the edition's own cnnblocks, in the tool and in the kernel
    return subprocess.run(["make", f"VENV={VENV}", *args], cwd=dest, env=env, capture_output=True, text=True)


def test_student_makefile_setup_and_help(student_edition):
    dest = student_edition
    dry = make(dest, "-n", "-B", "setup")
    assert dry.returncode == 0, dry.stderr
    assert "pip install --quiet -r requirements.txt -c constraints.txt" in dry.stdout
    assert "-e ." in dry.stdout
    helped = make(dest, "help")
    for target in ("setup", "notebook", "check", "book"):
        assert target in helped.stdout


@pytest.mark.slow
def test_make_check_runs_a_notebook(student_edition):
    dest = student_edition
    # The environment counts as set up when its stamp is newer than the files it was installed from.
    stamp = VENV / ".installed"
    if not stamp.exists():
        pytest.skip("this environment was not installed by `make setup`")
    old = stamp.stat().st_mtime - 60
    for name in ("requirements.txt", "constraints.txt", "pyproject.toml"):
        os.utime(dest / name, (old, old))
    assert "pip install" not in make(dest, "-n", "setup").stdout
    notebook = f"chapters/{CHAPTER}/{CHAPTER}.ipynb"
    proc = make(dest, "check", f"NOTEBOOK={notebook}")
    assert proc.returncode != 0  # the blank notebook fails its tests
    tests = nbtools.test_cells(nbtools.read(dest / notebook))
    total = f"Total: 0 / {sum(tests.values()):g} points on the visible tests (0 of {len(tests)} test cells passed)."
    assert total in proc.stdout, proc.stdout + proc.stderr
    for cell, points in tests.items():
        assert f"FAIL  {cell:<40} 0 / {points:g} points" in proc.stdout
    assert "NotImplementedError" in proc.stdout
    usage = make(dest, "check")
    assert usage.returncode != 0 and "usage: make check NOTEBOOK=" in usage.stdout


@pytest.mark.slow
def test_the_edition_builds_its_book(student_edition, tmp_path):
    """Its book configuration is complete without the grading tools (execution off: tests/test_book.py
    executes the same notebooks)."""
    import shutil

    copy = tmp_path / "book"
    shutil.copytree(student_edition, copy, ignore=shutil.ignore_patterns(".git"))
    config = (copy / "_config.yml").read_text()
    assert "execute_notebooks: cache" in config
    config = config.replace("execute_notebooks: cache", 'execute_notebooks: "off"')
    # Without execution there is no glued value to show: that warning alone is expected here.
    assert 'suppress_warnings: ["mystnb.unknown_mime_type"]' in config
    config = config.replace('suppress_warnings: ["mystnb.unknown_mime_type"]',
                            'suppress_warnings: ["mystnb.unknown_mime_type", "mystnb.glue"]')
    (copy / "_config.yml").write_text(config)
    env = dict(os.environ, PATH=os.pathsep.join([str(VENV / "bin"), os.environ.get("PATH", "")]))
    env.pop("PYTHONPATH", None)
    proc = subprocess.run([str(VENV / "bin" / "jupyter-book"), "build", ".", "-W", "-n", "--keep-going"],
                          cwd=copy, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    for ch in chapters(ROOT):
        assert (copy / "_build" / "html" / "chapters" / ch / f"{ch}.html").is_file()
