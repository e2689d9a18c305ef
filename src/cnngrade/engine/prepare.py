"""Phase 1b: a submission made ready for a worker: nbgrader's sanitizing preprocessors (``sanitize``), a kind
per cell with the lesson cells that provably cannot matter marked to skip (``plan_cells``), the other files of
the folder (``files_of``)."""
from __future__ import annotations

import base64

from nbformat import NotebookNode

from .. import notebook as nbtools
from ..analysis.effects import self_contained
from ..analysis.names import bound_names, free_reads, import_names
from ..intake import submissions
from .discover import Submission, _join


def sanitize(nb: NotebookNode, student: str, chapter: str, config, db_url: str) -> NotebookNode:
    """nbgrader's sanitizing preprocessors, in nbgrader's order, with the course configuration."""
    from nbgrader.converters import Autograde

    resources = {"unique_key": chapter, "output_files_dir": f"{chapter}_files",
                 "nbgrader": {"student": student, "assignment": chapter, "notebook": chapter, "db_url": db_url}}
    for pp_class in Autograde(config=config).sanitize_preprocessors:
        nb, resources = pp_class(config=config)(nb, resources)
    return nb



def plan_cells(nb: NotebookNode, released: NotebookNode, module_names: set[str]) -> list[str]:
    """A kind per cell: markdown, setup, lesson, student, test, or skip.

    A lesson (demo) cell is skipped only when provably safe: its source is a lesson cell of the released
    notebook unchanged; it changes no global state and mutates no object another cell made
    (``self_contained``); and no cell that runs reads a name it binds, nor does it read
    a non-module name bound by a cell that runs (it could mutate it). Everything else runs. The
    closure is computed to a fixed point, since keeping one lesson cell can make the ones it reads
    from necessary. Test cells seed their own randomness (a static rule of the course), so skipping
    a cell that draws random numbers cannot change what a test sees.
    """
    lesson_sources = {c.source.strip() for c in released.cells
                      if c.cell_type == "code" and not nbtools.nbgrader_meta(c) and nbtools.SETUP_TAG not in c.metadata.get("tags", [])}
    setup_sources = {c.source.strip() for c in released.cells
                     if c.cell_type == "code" and nbtools.SETUP_TAG in c.metadata.get("tags", [])}
    kinds = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            kinds.append("markdown")
        elif nbtools.is_test_cell(cell):
            kinds.append("test")
        elif nbtools.nbgrader_meta(cell):
            kinds.append("student")
        elif cell.source.strip() in setup_sources:
            kinds.append("setup")
        elif cell.source.strip() in lesson_sources and not cell.source.strip() == "":
            kinds.append("lesson")
        elif not cell.source.strip():
            kinds.append("lesson")
        else:
            kinds.append("student")  # a cell the student added or changed: it runs, and it is read
    binds = [bound_names(c.source) if c.cell_type == "code" else set() for c in nb.cells]
    reads = [free_reads(c.source) if c.cell_type == "code" else set() for c in nb.cells]
    module_names = set(module_names) | set().union(*(import_names(c.source) for c in nb.cells if c.cell_type == "code"))
    candidates = {i for i, k in enumerate(kinds) if k == "lesson" and self_contained(nb.cells[i].source)}
    kept = {i for i, k in enumerate(kinds) if k in ("setup", "student", "test", "lesson")} - candidates
    changed = True
    while changed:
        changed = False
        needed = set().union(*(reads[i] for i in kept)) if kept else set()
        # Objects that cells which run make and read: a skipped cell must not touch them (it could mutate
        # them through a method call). Names bound by imports are modules, functions and classes.
        shared = (set().union(*(binds[i] for i in kept)) & needed) - module_names if kept else set()
        for i in sorted(candidates - kept):
            if binds[i] & needed or reads[i] & shared:
                kept.add(i)
                changed = True
    return [("skip" if i in candidates and i not in kept else k) for i, k in enumerate(kinds)]



def files_of(sub: Submission) -> dict[str, str]:
    """The submission's other regular files for the sandbox (not notebooks, not hidden, within
    ``MAX_EXTRA_FILE_BYTES`` each), read without following a link; what is left out gets a note."""
    files, left_out = {}, []
    for rel in sub.files:
        if rel.endswith(".ipynb") or rel.startswith("."):
            continue
        try:
            data = submissions.read_regular(sub.folder / rel, submissions.MAX_EXTRA_FILE_BYTES)
        except submissions.UnsafeFile as err:
            left_out.append(f"{rel!r} ({err})")
            continue
        compiled = submissions.compiled_code(rel, data)
        if compiled:  # code no flag can read: not run in the sandbox (submissions.compiled_code)
            left_out.append(f"{rel!r} ({compiled})")
            continue
        files[rel] = base64.b64encode(data).decode()
    if left_out:
        sub.note = _join(sub.note, "not copied into the sandbox: " + ", ".join(left_out))
    return files


def setup_module_names(released: NotebookNode) -> set[str]:
    """Names that setup cells bind with ``import`` (modules and what is imported from them)."""
    return set().union(*(import_names(c.source) for c in released.cells
                         if c.cell_type == "code" and nbtools.SETUP_TAG in c.metadata.get("tags", [])))

