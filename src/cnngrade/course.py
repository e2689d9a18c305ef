"""Throw-away nbgrader courses that use the repository's real configuration.

``autograde/nbgrader_config.py`` reads ``CNNBLOCKS_COURSE_ROOT`` and ``CNNBLOCKS_WORK_DIR``; a
``Course`` points them at a temporary folder, copies a chapter's source notebook there and drives the
real ``nbgrader`` command line (generate_assignment, autograde, generate_feedback, export). Nothing in
the repository is written.
"""
from __future__ import annotations

import csv
import io
import logging
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from nbformat import NotebookNode

from . import notebook as nbtools

# Course.generate sets this process's environment to one course's while nbgrader's converter runs
_ENVIRONMENT = threading.Lock()

REPO_ROOT = Path(__file__).resolve().parents[2]


def repo_root() -> Path:
    """The course repository (the package is installed in editable mode from ``src/``)."""
    root = Path(os.environ.get("CNNBLOCKS_REPO", REPO_ROOT))
    if not (root / "autograde" / "nbgrader_config.py").exists():
        raise FileNotFoundError(f"{root} is not the course repository (set CNNBLOCKS_REPO)")
    return root


def chapters(root: Path | None = None) -> list[str]:
    """Chapter slugs, i.e. the folders of ``solutions/`` that hold a notebook of the same name."""
    root = root or repo_root()
    return sorted(p.parent.name for p in (root / "solutions").glob("*/*.ipynb") if p.stem == p.parent.name)


@dataclass
class CellScore:
    score: float
    max_score: float
    needs_manual_grade: bool


class Course:
    """An nbgrader course in ``folder`` configured by the repository's ``nbgrader_config.py``."""

    def __init__(self, folder: str | Path, root: Path | None = None):
        self.folder = Path(folder)
        self.root = root or repo_root()
        self.folder.mkdir(parents=True, exist_ok=True)

    # -- running nbgrader -------------------------------------------------------------------------
    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env["CNNBLOCKS_COURSE_ROOT"] = str(self.folder)
        env["CNNBLOCKS_WORK_DIR"] = "work"
        # nbgrader runs `alembic` and the kernel runs `python` from PATH: use this environment's.
        env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
        env.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
        env.setdefault("PYTHONWARNINGS", "ignore::DeprecationWarning")
        return env

    def nbgrader(self, *args: str) -> subprocess.CompletedProcess:
        """Run ``nbgrader ARGS`` from ``autograde/`` so that it loads the course configuration."""
        cmd = [sys.executable, "-m", "nbgrader", *args]
        proc = subprocess.run(cmd, cwd=self.root / "autograde", env=self.env(), capture_output=True, text=True)
        if proc.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stdout[-3000:]}\n{proc.stderr[-6000:]}")
        return proc

    # -- course steps -----------------------------------------------------------------------------
    def add_source(self, chapter: str) -> None:
        shutil.copytree(self.root / "solutions" / chapter, self.folder / "solutions" / chapter, dirs_exist_ok=True)

    def generate(self, chapter: str) -> NotebookNode:
        """``nbgrader generate_assignment CHAPTER --force``; returns the released notebook.

        nbgrader's ``GenerateAssignment`` converter runs in this process with the course configuration, as
        the command line runs it, without the command's 2 s start-up (tests generate two dozen
        assignments). ``tests/test_chapters.py`` checks the result against the committed ``chapters/``,
        which ``make release`` writes with the command line."""
        self.add_source(chapter)
        with _ENVIRONMENT:  # one course's environment at a time (check-engine builds courses in threads)
            return self._generate(chapter)

    def _generate(self, chapter: str) -> NotebookNode:
        from nbgrader.converters import GenerateAssignment

        from .engine import course_directory, load_config

        saved = dict(os.environ)
        # nbgrader_config.py reads the course's folders from the environment; a new gradebook runs `alembic`
        os.environ.update(self.env())
        try:
            config = load_config(self.root / "autograde")
            coursedir = course_directory(config)
            coursedir.assignment_id = chapter
            converter = GenerateAssignment(coursedir=coursedir, config=config)
            converter.force = True
            messages = io.StringIO()
            converter.log = logging.getLogger(f"cnngrade.generate.{id(self)}")
            converter.log.propagate = False
            converter.log.addHandler(logging.StreamHandler(messages))
            try:
                converter.start()
            except Exception as err:  # noqa: BLE001 - nbgrader logged the cause: show it
                raise RuntimeError(f"nbgrader generate_assignment {chapter} failed:\n{messages.getvalue()[-6000:]}") from err
        finally:
            os.environ.clear()
            os.environ.update(saved)
        return nbtools.read(self.released_path(chapter))

    def released_path(self, chapter: str) -> Path:
        return self.folder / nbtools.notebook_path("chapters", chapter)

    def source_notebook(self, chapter: str) -> NotebookNode:
        return nbtools.read(self.root / nbtools.notebook_path("solutions", chapter))

    def submit(self, student: str, chapter: str, nb: NotebookNode) -> Path:
        path = self.folder / "work" / "submitted" / nbtools.notebook_path(student, chapter)
        nbtools.write(nb, path)
        return path

    def autograde(self, chapter: str | list[str], engine: str = "engine", *options: str) -> subprocess.CompletedProcess:
        """Grade every submission: with the course's engine (default) or with plain ``nbgrader autograde``.

        The engine exits non-zero when a submission could not be graded (as nbgrader does); the
        outcomes are in ``engine_outcomes``, so this does not raise for that.
        """
        chapters = [chapter] if isinstance(chapter, str) else list(chapter)
        if engine == "nbgrader":
            for one in chapters:
                proc = self.nbgrader("autograde", one, "--force", *options)
            return proc
        cmd = [sys.executable, "-m", "cnngrade", "autograde", *chapters, "--autograde-dir", str(self.root / "autograde"), *options]
        proc = subprocess.run(cmd, cwd=self.root / "autograde", env=self.env(), capture_output=True, text=True)
        if proc.returncode not in (0, 1) or not all((self.folder / "work" / "engine" / f"{c}.json").exists() for c in chapters):
            raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stdout[-3000:]}\n{proc.stderr[-6000:]}")
        return proc

    def engine_outcomes(self, chapter: str) -> dict[str, dict]:
        """The engine's record of the last run: ``{student: {status, reason, flags, seconds, ...}}``."""
        import json

        return json.loads((self.folder / "work" / "engine" / f"{chapter}.json").read_text())["students"]

    def feedback(self, chapter: str) -> subprocess.CompletedProcess:
        return self.nbgrader("generate_feedback", chapter, "--force")

    def export(self) -> list[dict[str, str]]:
        out = self.folder / "grades.csv"
        self.nbgrader("export", f"--to={out}")
        with open(out, newline="") as fh:
            return list(csv.DictReader(fh))

    def autograded_notebook(self, student: str, chapter: str) -> NotebookNode:
        return nbtools.read(self.folder / "work" / "autograded" / nbtools.notebook_path(student, chapter))

    def feedback_html(self, student: str, chapter: str) -> Path:
        return self.folder / "work" / "feedback" / student / chapter / f"{chapter}.html"

    # -- reading the gradebook --------------------------------------------------------------------
    def scores(self, chapter: str) -> dict[str, dict[str, CellScore]]:
        """``{student: {grade_id: CellScore}}`` for every graded cell of every autograded student."""
        from nbgrader.api import Gradebook

        db_url = "sqlite:///" + str(self.folder / "work" / "gradebook.db")
        result: dict[str, dict[str, CellScore]] = {}
        with Gradebook(db_url) as gb:
            assignment = gb.find_assignment(chapter)
            for submission in assignment.submissions:
                per_cell = {}
                for nb_submission in submission.notebooks:
                    for grade in nb_submission.grades:
                        per_cell[grade.name] = CellScore(
                            float(grade.score), float(grade.max_score), bool(grade.needs_manual_grade)
                        )
                result[submission.student.id] = per_cell
        return result
