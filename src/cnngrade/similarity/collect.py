"""Reading a class: what each student wrote in each exercise, as fingerprints.

The exercises are the released notebook's nbgrader solution cells (code, and markdown for written
answers), found by ``grade_id``. What a student wrote is that cell of their notebook; the fingerprints
of everything the released notebook already holds (the stub's signature and docstring, the lesson's
demo code, the test cells, the question's text) are subtracted, as MOSS does with a "base file", so
that only the student's own code is compared.

Submissions are untrusted files: only regular files are read (no symbolic link, at any level below the
submission folder), at most ``MAX_NOTEBOOK_BYTES`` of them, parsed as JSON and checked for the shape of
a notebook; nothing in them is executed. A file that fails any of this is skipped with the reason.
"""
from __future__ import annotations

import json
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from .. import notebook as nbtools
from .fingerprint import CODE_K, CODE_WINDOW, TEXT_K, TEXT_WINDOW, Fingerprints, winnow
from .normalize import code_tokens, given_names, word_tokens

MAX_NOTEBOOK_BYTES = 20 * 1024 * 1024
MAX_CELLS = 5000


@dataclass(frozen=True)
class Exercise:
    grade_id: str
    kind: str  # "code" or "markdown"
    stub: str
    given: frozenset[str] = frozenset()


@dataclass
class Answer:
    source: str
    fingerprints: Fingerprints
    read_as: str  # "ast", "tokens" (did not parse) or "words"


@dataclass
class Submission:
    student: str
    answers: dict[str, Answer] = field(default_factory=dict)


@dataclass
class ClassSet:
    chapter: str
    exercises: list[Exercise]
    submissions: list[Submission]
    skipped: dict[str, str]  # student -> why their notebook was not read


class UnreadableNotebook(ValueError):
    pass


def _cell_source(cell: dict) -> str:
    source = cell.get("source", "")
    if isinstance(source, list):
        if not all(isinstance(part, str) for part in source):
            raise UnreadableNotebook("a cell's source is not text")
        return "".join(source)
    if not isinstance(source, str):
        raise UnreadableNotebook("a cell's source is not text")
    return source


def read_notebook(path: Path, max_bytes: int = MAX_NOTEBOOK_BYTES) -> list[dict]:
    """The cells of a notebook file: a regular file, not a link, at most ``max_bytes``, JSON of a notebook."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError as err:
        raise UnreadableNotebook(f"cannot open: {err.strerror or err}") from None
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fh.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableNotebook("not a regular file")
        if info.st_size > max_bytes:
            raise UnreadableNotebook(f"larger than {max_bytes // (1024 * 1024)} MiB")
        data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise UnreadableNotebook(f"larger than {max_bytes // (1024 * 1024)} MiB")
    try:
        nb = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as err:
        raise UnreadableNotebook(f"not a notebook (not JSON: {type(err).__name__})") from None
    cells = nb.get("cells") if isinstance(nb, dict) else None
    if not isinstance(cells, list) or not all(isinstance(c, dict) for c in cells):
        raise UnreadableNotebook("not a notebook (no list of cells)")
    if len(cells) > MAX_CELLS:
        raise UnreadableNotebook(f"more than {MAX_CELLS} cells")
    return cells


def _grade_id(cell: dict) -> str | None:
    meta = cell.get("metadata")
    nbg = meta.get("nbgrader") if isinstance(meta, dict) else None
    gid = nbg.get("grade_id") if isinstance(nbg, dict) else None
    return gid if isinstance(gid, str) else None


def _is_solution(cell: dict) -> bool:
    meta = cell.get("metadata")
    nbg = meta.get("nbgrader") if isinstance(meta, dict) else None
    return isinstance(nbg, dict) and bool(nbg.get("solution"))


def exercises(released_cells: list[dict]) -> list[Exercise]:
    """The solution cells of the released notebook, in order."""
    found = []
    for cell in released_cells:
        if _is_solution(cell) and _grade_id(cell) and cell.get("cell_type") in ("code", "markdown"):
            stub = _cell_source(cell)
            given = frozenset(given_names(stub)) if cell["cell_type"] == "code" else frozenset()
            found.append(Exercise(_grade_id(cell), cell["cell_type"], stub, given))
    return found


def fingerprint(text: str, kind: str, given: frozenset[str] = frozenset()) -> tuple[Fingerprints, str]:
    if kind == "code":
        tokens, read_as = code_tokens(text, set(given))
        k, window = (CODE_K, CODE_WINDOW) if read_as != "words" else (TEXT_K, TEXT_WINDOW)
        return winnow(tokens, k, window), read_as
    return winnow(word_tokens(text), TEXT_K, TEXT_WINDOW), "words"


def base_hashes(released_cells: list[dict], exercise_list: list[Exercise]) -> dict[str, set[int]]:
    """Fingerprints of what the released notebook already holds, per kind of text ("code", "markdown")."""
    given = frozenset().union(*(e.given for e in exercise_list)) if exercise_list else frozenset()
    base: dict[str, set[int]] = {"code": set(), "markdown": set()}
    for cell in released_cells:
        kind = cell.get("cell_type")
        if kind not in base:
            continue
        text = _cell_source(cell)
        base[kind] |= fingerprint(text, kind, given)[0].hashes
        if kind == "code":  # what a student could paste from the lesson into an answer, in both readings
            base["code"] |= winnow(word_tokens(text, drop_stopwords=False), TEXT_K, TEXT_WINDOW).hashes
    return base


def answers_of(cells: list[dict], exercise_list: list[Exercise], base: dict[str, set[int]]) -> dict[str, Answer]:
    by_id: dict[str, dict] = {}
    for cell in cells:
        gid = _grade_id(cell)
        if gid and gid not in by_id:
            by_id[gid] = cell
        if not isinstance(cell.get("cell_type"), str):
            raise UnreadableNotebook("not a notebook (a cell without a type)")
    result = {}
    for exercise in exercise_list:
        cell = by_id.get(exercise.grade_id)
        if cell is None or cell.get("cell_type") != exercise.kind:
            continue
        source = _cell_source(cell)
        if source.strip() == exercise.stub.strip():
            continue  # not attempted
        prints, read_as = fingerprint(source, exercise.kind, exercise.given)
        for value in base[exercise.kind] & prints.hashes:
            del prints.spans[value]
        result[exercise.grade_id] = Answer(source, prints, read_as)
    return result


def _read_one(job: tuple[str, Path, list[Exercise], dict[str, set[int]], int]) -> tuple[str, dict[str, Answer] | str]:
    student, path, exercise_list, base, max_bytes = job
    try:
        return student, answers_of(read_notebook(path, max_bytes), exercise_list, base)
    except UnreadableNotebook as err:
        return student, str(err)


def load_class(submitted: Path, chapter: str, released: Path, max_bytes: int = MAX_NOTEBOOK_BYTES,
               workers: int | None = None) -> ClassSet:
    """Every ``submitted/<student>/<chapter>/<chapter>.ipynb``, compared with the released ``released``.

    Notebooks are read and normalised by ``workers`` processes (default: the cores; one for a small class)."""
    released_cells = read_notebook(released, max_bytes=max(max_bytes, MAX_NOTEBOOK_BYTES))
    exercise_list = exercises(released_cells)
    base = base_hashes(released_cells, exercise_list)
    submissions, skipped = [], {}
    jobs = []
    entries = sorted(os.scandir(submitted), key=lambda e: e.name) if submitted.is_dir() else []
    for entry in entries:
        if not entry.is_dir(follow_symlinks=False):
            if entry.is_symlink():
                skipped[entry.name] = "the student's folder is a symbolic link"
            continue
        chapter_dir = Path(entry.path) / chapter
        try:
            info = os.lstat(chapter_dir)
        except FileNotFoundError:
            continue  # no submission of this chapter
        if not stat.S_ISDIR(info.st_mode):
            skipped[entry.name] = f"{chapter}/ is not a folder (a link or a file)"
            continue
        jobs.append((entry.name, chapter_dir / nbtools.notebook_name(chapter), exercise_list, base, max_bytes))
    workers = workers or (os.cpu_count() or 1 if len(jobs) >= 40 else 1)
    if workers > 1:
        import multiprocessing

        with multiprocessing.get_context("fork").Pool(workers) as pool:
            results = pool.map(_read_one, jobs, chunksize=max(1, len(jobs) // (4 * workers)))
    else:
        results = [_read_one(job) for job in jobs]
    for student, result in results:
        if isinstance(result, str):
            skipped[student] = result
        else:
            submissions.append(Submission(student, result))
    return ClassSet(chapter, exercise_list, submissions, skipped)
