"""Phase 1a: find each student's submitted notebook (``discover``), refusing what is not one, with a reason."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import nbformat

from .. import notebook as nbtools
from ..intake import submissions


@dataclass
class Submission:
    student: str
    folder: Path
    notebook: Path | None = None
    problem: str = ""  # why it cannot be graded
    note: str = ""  # something the instructor should know (renamed file, removed link...)
    digest: str = ""
    files: list[str] = field(default_factory=list)  # the folder's regular files (relative paths)



def _digest(folder: Path, extra: str, files: list[str] | None = None) -> str:
    """sha256 of the submission's regular files (names and bytes), read without following a link."""
    h = hashlib.sha256(extra.encode())
    submissions.hash_files(folder, submissions.scan(folder, "").files if files is None else files, h)
    return h.hexdigest()


def _join(*notes: str) -> str:
    return "; ".join(n for n in notes if n)


def discover(coursedir, chapter: str, students: Iterable[str] | None = None) -> list[Submission]:
    """Every submitted folder of the chapter, with its notebook or the reason it has none usable.

    Submissions are untrusted files (``cnngrade.intake.submissions``): a notebook that is not a regular file (a
    link, a folder, a FIFO...) or is over ``MAX_NOTEBOOK_BYTES`` is refused with its reason; any other
    entry that is not a regular file is removed from the submitted copy, with a note, before nbgrader or a
    worker reads the folder. Nothing here follows a link or reads without a limit, and one bad folder
    never stops the others."""
    root = Path(coursedir.root) / coursedir.submitted_directory
    wanted = set(students) if students else None
    found = []
    name = nbtools.notebook_name(chapter)
    for folder in sorted(root.glob(f"*/{chapter}")):
        student = folder.parent.name
        if wanted is not None and student not in wanted:
            continue
        sub = Submission(student, folder)
        try:
            _examine(sub, name)
        except Exception as err:  # noqa: BLE001 - whatever this folder holds, the others are graded
            sub.problem = f"the submission folder could not be read ({type(err).__name__}: {str(err)[:160]})"
        found.append(sub)
    return found


def _examine(sub: Submission, name: str) -> None:
    """``discover`` for one folder: drop what is not a regular file, find and check the notebook."""
    folder = sub.folder
    scan = submissions.scan(folder, name)
    if not submissions.real_folder(folder) or not submissions.real_folder(folder.parent):
        sub.problem = scan.problem
        return
    sub.note = _join(*submissions.drop_refused(folder, scan.refused, keep=name))
    if scan.problem:
        sub.problem = scan.problem
        return
    expected = folder / name
    notebooks = [f for f in scan.files if "/" not in f and f.endswith(".ipynb") and not f.startswith(".")]
    if name not in scan.files and len(notebooks) == 1:
        # A browser saves a second download as "01-one-by-one (1).ipynb": the only notebook of the
        # folder is the student's answer. nbgrader only grades the expected name, so copy it there.
        try:
            data = submissions.read_regular(folder / notebooks[0], submissions.MAX_NOTEBOOK_BYTES)
        except submissions.UnsafeFile as err:
            sub.problem = f"{notebooks[0]} is {err}: refused"
            return
        submissions.write_new(expected, data)
        scan.files = sorted(scan.files + [name])
        sub.note = _join(sub.note, f"graded {notebooks[0]!r} (the folder's only notebook) as {name}")
    elif name not in scan.files:
        sub.problem = f"no notebook named {name} (notebooks in the folder: {', '.join(notebooks) or 'none'})"
        return
    sub.notebook, sub.files = expected, scan.files
    try:
        raw = submissions.read_regular(expected, submissions.MAX_NOTEBOOK_BYTES)
    except submissions.UnsafeFile as err:
        sub.problem = f"{name} is {err}: refused"
        return
    if not raw.strip():
        sub.problem = "the notebook file is empty"
    else:
        try:
            nbformat.reads(raw.decode("utf-8"), as_version=4)
        except Exception as err:  # noqa: BLE001 - any parse failure is the student's file
            sub.problem = f"not a readable notebook ({type(err).__name__}: {str(err).splitlines()[0][:120]})"


