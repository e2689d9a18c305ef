"""The grading engine: nbgrader's grades, computed in parallel by warm, sandboxed workers.

One run of ``autograde(chapter)`` follows nbgrader's own steps, in three phases:

1. **Prepare** (engine process): find each student's notebook (a lone notebook saved under another
   name counts), reject what is not a notebook with a one-line reason, skip submissions graded before
   and unchanged (unless ``force``), and *sanitize* with nbgrader's own preprocessors (ClearOutput,
   DeduplicateIds, OverwriteKernelspec, OverwriteCells, CheckCellMetadata): test cells, hidden tests
   included, are restored from the gradebook exactly as ``nbgrader autograde`` restores them. Each cell
   gets a kind (setup, lesson, student, test), and lesson cells that provably cannot matter are marked
   to skip (``plan_cells``).
2. **Execute** (workers, ``cnngrade.worker``): each submission in a fresh child forked from a worker that
   imported the frameworks once; ``WORKERS`` local workers in the sandbox, or a Dask cluster.
3. **Record** (engine process, the single writer of the gradebook): nbgrader's ``Autograde`` converter
   runs for the student with its normal preprocessor list, except that its ``Execute`` step returns the
   notebook the worker executed (``CachedExecute``, which first checks that the cells are the ones
   sanitized). So student records, timestamps, grades, late penalties, output limits and the
   autograded copy are nbgrader's, and ``make feedback``, ``make grades`` and formgrader work unchanged.

A submission that cannot be graded (not a notebook, a process that died, a cell that would not stop)
is reported with a one-line reason; the rest of the class is graded. Results, reasons, flags and
timings go to ``<work>/engine/<chapter>.json`` (read by ``make report``).
"""
from __future__ import annotations

import ast
import base64
import functools
import hashlib
import json
import os
import queue
import re
import secrets
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

import nbformat
from nbformat import NotebookNode

from . import guard
from . import notebook as nbtools
from . import sandbox, submissions
from . import worker as worker_mod
from .submissions import MAX_EXTRA_FILE_BYTES  # noqa: F401 - the cap on each file copied into the sandbox

ENGINE_VERSION = "1"


# -- configuration ------------------------------------------------------------------------------------
def load_config(autograde_dir: Path):
    """The repository's nbgrader configuration, as ``nbgrader`` run from ``autograde/`` loads it."""
    from traitlets.config.loader import PyFileConfigLoader

    return PyFileConfigLoader("nbgrader_config.py", path=str(autograde_dir)).load_config()


def course_directory(config):
    from nbgrader.coursedir import CourseDirectory

    return CourseDirectory(config=config)


# -- phase 1: find and prepare submissions -------------------------------------------------------------
@dataclass
class Submission:
    student: str
    folder: Path
    notebook: Path | None = None
    problem: str = ""  # why it cannot be graded
    note: str = ""  # something the instructor should know (renamed file, removed link...)
    digest: str = ""
    files: list[str] = field(default_factory=list)  # the folder's regular files (relative paths)


@dataclass
class Outcome:
    student: str
    status: str  # "graded", "failed", "unchanged"
    reason: str = ""
    note: str = ""
    seconds: float = 0.0
    flags: list[dict] = field(default_factory=list)
    skipped_cells: int = 0


def _digest(folder: Path, extra: str, files: list[str] | None = None) -> str:
    """sha256 of the submission's regular files (names and bytes), read without following a link."""
    h = hashlib.sha256(extra.encode())
    submissions.hash_files(folder, submissions.scan(folder, "").files if files is None else files, h)
    return h.hexdigest()


def _join(*notes: str) -> str:
    return "; ".join(n for n in notes if n)


def discover(coursedir, chapter: str, students: Iterable[str] | None = None) -> list[Submission]:
    """Every submitted folder of the chapter, with its notebook or the reason it has none usable.

    Submissions are untrusted files (``cnngrade.submissions``): a notebook that is not a regular file (a
    link, a folder, a FIFO...) or is over ``MAX_NOTEBOOK_BYTES`` is refused with its reason; any other
    entry that is not a regular file is removed from the submitted copy, with a note, before nbgrader or a
    worker reads the folder. Nothing here follows a link or reads without a limit, and one bad folder
    never stops the others."""
    root = Path(coursedir.root) / coursedir.submitted_directory
    wanted = set(students) if students else None
    found = []
    name = f"{chapter}.ipynb"
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


class _Validation:
    """``jsonschema.validate`` as nbgrader calls it (once per graded cell, checking the schema itself every
    time), with the schema's validator built once: the same checks and the same error (``best_match``)."""

    def __init__(self, module):
        self.module, self.validators = module, {}

    def validate(self, instance, schema) -> None:
        key = json.dumps(schema, sort_keys=True)  # nbgrader loads the same schema afresh per preprocessor
        validator = self.validators.get(key)
        if validator is None:
            cls = self.module.validators.validator_for(schema)
            cls.check_schema(schema)
            validator = self.validators[key] = cls(schema)
        error = self.module.exceptions.best_match(validator.iter_errors(instance))
        if error is not None:
            raise error

    def __getattr__(self, name):
        return getattr(self.module, name)


@contextmanager
def nbgrader_caches():
    """Speed-ups of nbgrader's bookkeeping in the engine process that change none of its results
    (measured: about two thirds of the time ``record`` took per student):

    * one SQLAlchemy engine per gradebook URL instead of one per ``Gradebook`` object (nbgrader opens
      about nine per student), so SQL statements are compiled once per run, not once per student;
    * the gradebook's tables are created (if missing) once per run, not at every ``Gradebook`` opening;
    * each metadata schema is checked once per run instead of once per graded cell."""
    import jsonschema
    import nbgrader.api as api
    import nbgrader.nbgraderformat.common as common
    from sqlalchemy import create_engine

    engines: dict = {}

    def shared_engine(url, **kwargs):
        key = (str(url), tuple(sorted(kwargs.items())))
        if key not in engines:
            engines[key] = create_engine(url, **kwargs)
        return engines[key]

    metadata, created = api.Base.metadata, set()
    create_all = metadata.create_all

    def create_once(bind, **kwargs):
        if bind not in created:
            create_all(bind=bind, **kwargs)
            created.add(bind)

    saved = (api.create_engine, common.jsonschema)
    api.create_engine, common.jsonschema, metadata.create_all = shared_engine, _Validation(jsonschema), create_once
    try:
        yield
    finally:
        api.create_engine, common.jsonschema = saved
        del metadata.create_all  # back to the class's method
        for shared in engines.values():
            shared.dispose()


def sanitize(nb: NotebookNode, student: str, chapter: str, config, db_url: str) -> NotebookNode:
    """nbgrader's sanitizing preprocessors, in nbgrader's order, with the course configuration."""
    from nbgrader.converters import Autograde

    resources = {"unique_key": chapter, "output_files_dir": f"{chapter}_files",
                 "nbgrader": {"student": student, "assignment": chapter, "notebook": chapter, "db_url": db_url}}
    for pp_class in Autograde(config=config).sanitize_preprocessors:
        nb, resources = pp_class(config=config)(nb, resources)
    return nb


_GLOBAL_SETTERS = re.compile(r"(^set_|^use$|config|^enable|^disable|filterwarnings|simplefilter|register|"
                             r"environ|chdir|putenv|^rc$|rcParams|^style|default|^reset|^clear_session)")
# Seeding is allowed: test cells seed before they draw random numbers or call an exercise (a static
# rule of the course, ``cnngrade.prove``), so the random state a skipped cell leaves cannot reach a test.
_SEEDING = re.compile(r"(seed|^default_rng$|^Generator$)")


def _local_names(tree: ast.AST) -> set[str]:
    """Every name the cell binds anywhere: top level, loops, functions (and their parameters), classes."""
    names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
    names |= {a.arg for n in ast.walk(tree) if isinstance(n, ast.arguments)
              for a in n.posonlyargs + n.args + n.kwonlyargs + [x for x in (n.vararg, n.kwarg) if x]}
    names |= {n.name for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))}
    return names


def _restores_thread_count(tree: ast.AST) -> bool:
    """``saved = torch.get_num_threads(); torch.set_num_threads(1); ...; torch.set_num_threads(saved)``."""
    saved = {t.id for n in ast.walk(tree) if isinstance(n, ast.Assign) and isinstance(n.value, ast.Call)
             and isinstance(n.value.func, ast.Attribute) and n.value.func.attr == "get_num_threads"
             for t in n.targets if isinstance(t, ast.Name)}
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
             and n.func.attr == "set_num_threads"]
    last = max(calls, key=lambda n: (n.lineno, n.col_offset)) if calls else None
    return last is not None and len(last.args) == 1 and isinstance(last.args[0], ast.Name) and last.args[0].id in saved


@functools.lru_cache(maxsize=4096)
def self_contained(code: str) -> bool:
    """No magic, no global state change, no mutation of objects that other cells made (a lesson cell the
    engine may skip; a variant ``cnngrade.prove`` may grade in one notebook with variants of other exercises)."""
    if any(line.lstrip().startswith(("%", "!")) for line in code.splitlines()):
        return False
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return False
    own = _local_names(tree)
    threads_restored = _restores_thread_count(tree)
    for node in ast.walk(tree):
        if isinstance(node, (ast.Global, ast.Nonlocal)):
            return False
        if isinstance(node, (ast.Attribute, ast.Subscript)) and isinstance(node.ctx, (ast.Store, ast.Del)):
            base = node.value
            while isinstance(base, (ast.Attribute, ast.Subscript)):
                base = base.value
            if not (isinstance(base, ast.Name) and base.id in own):
                return False
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name) and func.id in ("setattr", "delattr"):
                # setattr(owner, name, ...) reaches any object (a loop over library functions): only a
                # method setting its own attributes, setattr(self, ...), is known to stay inside the cell
                target = node.args[0] if node.args else None
                if not (isinstance(target, ast.Name) and target.id == "self"):
                    return False
                continue
            base = func
            while isinstance(base, (ast.Attribute, ast.Subscript, ast.Call)):
                base = base.func if isinstance(base, ast.Call) else base.value
            if isinstance(base, ast.Name) and base.id in own:
                continue  # a method of an object this cell made (ax.set_xticks)
            name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            if _SEEDING.search(name) or (name == "set_num_threads" and threads_restored):
                continue
            if _GLOBAL_SETTERS.search(name):
                return False
    return True


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
    binds = [guard.bound_names(c.source) if c.cell_type == "code" else set() for c in nb.cells]
    reads = [guard.free_reads(c.source) if c.cell_type == "code" else set() for c in nb.cells]
    module_names = set(module_names) | set().union(*(guard.import_names(c.source) for c in nb.cells if c.cell_type == "code"))
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


# -- phase 2: workers ---------------------------------------------------------------------------------
WORKER_MARGIN_SECONDS = 60  # beyond a submission's wall-clock limit: the worker's own cleaning and reply


class WorkerFailed(Exception):
    """The worker gave no acceptable result in time: it is killed and replaced. ``retry``: it died (or sent
    garbage) rather than ran out of the job's time, so the job may not be to blame: the pool retries it once."""

    def __init__(self, message: str, retry: bool = False):
        super().__init__(message)
        self.retry = retry


class LocalWorker:
    """One ``cnngrade.worker`` process (in the sandbox when available) and its channel."""

    def __init__(self, hide: list[Path], use_sandbox: bool, threads: int):
        env = {"CNNGRADE_THREADS": str(threads), "CNNGRADE_SANDBOXED": "1" if use_sandbox else "0",
               "PYTHONWARNINGS": os.environ.get("PYTHONWARNINGS", "ignore::DeprecationWarning")}
        argv = [sys.executable, "-m", "cnngrade.run_worker"]  # not -m cnngrade.worker: see run_worker
        if use_sandbox:
            argv = sandbox.command(argv, hide, env)
            proc_env = dict(os.environ)
        else:
            proc_env = {**os.environ, **env}
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=proc_env)
        self.ready = None

    def wait_ready(self) -> dict:
        if self.ready is None:
            self.reader = worker_mod.Reader(self.proc.stdout.fileno())
            try:  # the warm-up imports the frameworks: minutes at most, even on a loaded machine
                self.ready = self.reader.read(1 << 16, time.monotonic() + 600)
            except (TimeoutError, EOFError, worker_mod.ChannelError) as err:
                raise RuntimeError(f"the worker did not start ({type(err).__name__}: {err})") from None
        return self.ready

    def grade(self, job: dict) -> dict:
        """The worker's result for ``job``. The engine's own wall-clock limit (the worker's, plus a margin
        for its cleaning) holds whatever the worker or the child sends: past it, or on a message that is
        too large or malformed, ``WorkerFailed`` is raised and the pool replaces the worker."""
        self.wait_ready()
        deadline = time.monotonic() + worker_mod.wall_seconds(job) + WORKER_MARGIN_SECONDS
        worker_mod.send(self.proc.stdin.fileno(), job)
        while True:
            try:
                result = self.reader.read(worker_mod.RESULT_BYTES, deadline)
            except TimeoutError:
                raise WorkerFailed(f"no result within the submission's wall-clock limit of "
                                   f"{worker_mod.wall_seconds(job):.0f} s (+{WORKER_MARGIN_SECONDS} s)") from None
            except (EOFError, worker_mod.ChannelError) as err:
                raise WorkerFailed(f"the grading worker died or sent {err}", retry=True) from None
            if result.get("nonce") == job["nonce"] and result.get("id") == job["id"]:
                return result  # anything else on the channel is not an answer to this job: ignored

    def close(self) -> None:
        try:
            worker_mod.send(self.proc.stdin.fileno(), {"stop": True})
            self.proc.wait(timeout=10)
        except Exception:  # noqa: BLE001
            self.proc.kill()


class LocalPool:
    """``workers`` warm workers; ``run(jobs)`` yields results as they complete."""

    def __init__(self, workers: int, hide: list[Path], use_sandbox: bool, threads: int = 0):
        self.size = max(1, workers)
        threads = threads or max(1, (os.cpu_count() or 1) // self.size)
        self.args = (hide, use_sandbox, threads)
        self.workers: list[LocalWorker | None] = [LocalWorker(*self.args) for _ in range(self.size)]

    def run(self, jobs: Iterable[dict]) -> Iterator[dict]:
        """Grade ``jobs`` (consumed in the calling thread, so a generator may prepare them while the workers
        grade the first ones); yields each result as it completes."""
        todo: queue.Queue = queue.Queue()
        done: queue.Queue = queue.Queue()

        def serve(slot: int) -> None:
            while True:
                job = todo.get()
                if job is None:
                    todo.put(None)  # for the other threads
                    return
                done.put(self._grade(slot, job))

        threads = [threading.Thread(target=serve, args=(i,), daemon=True) for i in range(len(self.workers))]
        for t in threads:
            t.start()
        count = 0
        try:
            for job in jobs:
                todo.put(job)
                count += 1
        finally:
            todo.put(None)
        for _ in range(count):
            yield done.get()

    def _grade(self, slot: int, job: dict) -> dict:
        """``job``'s result from the worker of ``slot``. A worker that died, or whose fork server was gone or
        tampered with before the job ran (``retry``), may have been killed by an earlier job: the job is
        graded again, once, by a fresh worker; a job that kills its worker twice fails with the reason."""
        for attempt in (1, 2):
            w = self.workers[slot]
            if w is None:  # replaced only when there is a job for it (a warm start costs seconds of CPU)
                w = self.workers[slot] = LocalWorker(*self.args)
            try:
                result = w.grade(job)
            except Exception as err:  # noqa: BLE001 - the worker died or ran out of time: report, replace it
                result = {"id": job["id"], "nonce": job["nonce"], "status": "failed", "notebook": None,
                          "flags": [], "seconds": 0.0, "reason": f"the grading worker failed: {err}",
                          "retire": True, "retry": getattr(err, "retry", False)}
            if result.get("retire"):  # the submission reached the worker: not used again
                w.proc.kill()
                w.proc.wait()
                self.workers[slot] = None
            if not result.pop("retry", False):
                return result
            if attempt == 2:
                result["reason"] = f"{result.get('reason', '')} (a second time, on a fresh worker: not retried again)"
        return result

    def close(self) -> None:
        for w in self.workers:
            if w is not None:
                w.close()


_DASK_POOL: LocalPool | None = None


def grade_on_dask_worker(job: dict) -> dict:
    """Runs on a Dask worker: grade with a warm worker of that machine (started once per process)."""
    global _DASK_POOL
    if _DASK_POOL is None:
        use = sandbox.available()[0] and os.environ.get("CNNGRADE_SANDBOX", "1") != "0"
        _DASK_POOL = LocalPool(1, [Path(p) for p in job.get("hide", [])], use, threads=1)
    return next(iter(_DASK_POOL.run([job])))


class DaskPool:
    """Jobs as tasks of a ``dask.distributed`` cluster. A task is pure (a notebook in, a notebook out),
    so a worker lost mid-run has its tasks rerun elsewhere by the scheduler; the engine records each
    result once, when it arrives."""

    def __init__(self, address: str):
        from distributed import Client

        self.client = Client(address, timeout="30s")
        self.size = max(1, len(self.client.scheduler_info().get("workers", {})))

    def run(self, jobs: Iterable[dict]) -> Iterator[dict]:
        from distributed import as_completed

        submitted, futures = [], []
        for job in jobs:  # each submitted as soon as it is prepared
            submitted.append(job)
            futures.append(self.client.submit(grade_on_dask_worker, job, key=f"grade-{job['id']}-{job['nonce']}",
                                              pure=False, retries=2))
        for future in as_completed(futures):
            try:
                yield future.result()
            except Exception as err:  # noqa: BLE001
                job = submitted[futures.index(future)]
                yield {"id": job["id"], "nonce": job["nonce"], "status": "failed", "notebook": None, "flags": [],
                       "seconds": 0.0, "reason": f"the cluster could not run this submission: {err}"}

    def close(self) -> None:
        self.client.close()


# -- phase 3: nbgrader's bookkeeping with the executed notebook ----------------------------------------
_EXECUTED: dict[str, NotebookNode | str] = {}


def _cached_execute_class():
    from nbgrader.preprocessors import NbGraderPreprocessor

    class CachedExecute(NbGraderPreprocessor):
        """nbgrader's ``Execute`` step, replaced by the notebook a grading worker executed."""

        def preprocess(self, nb, resources):
            student = resources["nbgrader"]["student"]
            executed = _EXECUTED.get(student)
            if isinstance(executed, str) or executed is None:
                raise RuntimeError(executed or f"no executed notebook for {student}")
            sources = [(c.cell_type, c.source) for c in nb.cells]
            if sources != [(c.cell_type, c.source) for c in executed.cells]:
                raise RuntimeError("the executed notebook does not match the sanitized submission")
            return executed, resources

    return CachedExecute


def record(coursedir_config, chapter: str, student: str) -> None:
    """nbgrader's Autograde converter for one student, executing nothing (see ``CachedExecute``)."""
    import logging

    from nbgrader.converters import Autograde
    from nbgrader.coursedir import CourseDirectory
    from nbgrader.preprocessors import Execute
    from traitlets.config import Config

    config = Config(coursedir_config)
    default = list(Autograde(config=coursedir_config).autograde_preprocessors)
    config.Autograde.autograde_preprocessors = [_cached_execute_class() if p is Execute else p for p in default]
    coursedir = CourseDirectory(config=config)
    coursedir.assignment_id, coursedir.student_id = chapter, student
    converter = Autograde(coursedir=coursedir, config=config)
    quiet = logging.getLogger("cnngrade.nbgrader")  # the engine reports failures itself, in one line each
    quiet.addHandler(logging.NullHandler())
    quiet.propagate = False
    converter.log = quiet
    converter.force = True
    converter.start()


# -- the run ------------------------------------------------------------------------------------------
def _files_of(sub: Submission) -> dict[str, str]:
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


def _module_names(released: NotebookNode) -> set[str]:
    """Names that setup cells bind with ``import`` (modules and what is imported from them)."""
    return set().union(*(guard.import_names(c.source) for c in released.cells
                         if c.cell_type == "code" and nbtools.SETUP_TAG in c.metadata.get("tags", [])))


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)


def _open_pool(scheduler: str | None, use_sandbox: bool | None, n: int, size: int, hide: list[Path], pools: dict | None):
    """The run's pool of ``n`` workers (at most ``size``, the submissions to grade, unless it is kept in
    ``pools`` for the next chapter), on Dask when ``scheduler`` is set; sandboxed unless turned off or
    unavailable (then it says so once, or fails under ``CNNGRADE_REQUIRE_SANDBOX=1``)."""
    if use_sandbox is None:
        use_sandbox = os.environ.get("CNNGRADE_SANDBOX", "1") != "0"
    if use_sandbox and not scheduler:
        ok, why = sandbox.available()
        if not ok and os.environ.get("CNNGRADE_REQUIRE_SANDBOX") == "1":
            raise RuntimeError(f"the sandbox is required (CNNGRADE_REQUIRE_SANDBOX=1) but unavailable: {why}")
        if not ok:
            sandbox.warn_once(why)
            use_sandbox = False
    elif not use_sandbox:
        sandbox.warn_once("the sandbox was turned off (SANDBOX=0)")
    key = (scheduler, use_sandbox, n)
    if pools is not None and key in pools:
        return pools[key]
    pool = DaskPool(scheduler) if scheduler else LocalPool(min(n, size) if pools is None else n, hide, use_sandbox)
    if pools is not None:
        pools[key] = pool
    return pool


def autograde(
    autograde_dir: Path,
    chapter: str,
    *,
    students: Iterable[str] | None = None,
    force: bool = False,
    workers: int | None = None,
    scheduler: str | None = None,
    use_sandbox: bool | None = None,
    memory_mb: int = 4096,
    timeout: int | None = None,
    progress: bool = True,
    log: Callable[[str], None] = print,
    pools: dict | None = None,
) -> list[Outcome]:
    """Grade every collected submission of ``chapter``; returns one outcome per student.

    ``pools``: a dict in which the worker pool is kept open for the next call (``autograde_many``);
    without it the pool is closed at the end.
    """
    with nbgrader_caches():
        return _autograde(autograde_dir, chapter, students=students, force=force, workers=workers,
                          scheduler=scheduler, use_sandbox=use_sandbox, memory_mb=memory_mb, timeout=timeout,
                          progress=progress, log=log, pools=pools)


def _autograde(autograde_dir: Path, chapter: str, *, students, force, workers, scheduler, use_sandbox, memory_mb,
               timeout, progress, log, pools) -> list[Outcome]:
    started = time.perf_counter()
    config = load_config(autograde_dir)
    coursedir = course_directory(config)
    root = Path(coursedir.root)
    db_url = coursedir.db_url
    if timeout is None:  # nbgrader's Execute.timeout (30 s by default; the course sets 300 s)
        timeout = int(config.Execute.get("timeout", 30) or 30) if "Execute" in config else 30
    released = nbtools.read(root / coursedir.release_directory / chapter / f"{chapter}.ipynb")
    modules = _module_names(released)
    source_digest = hashlib.sha256((root / coursedir.source_directory / chapter / f"{chapter}.ipynb").read_bytes()).hexdigest()
    state_path = root / Path(coursedir.autograded_directory).parent / "engine" / f"{chapter}.json"
    state = json.loads(state_path.read_text()) if state_path.exists() else {}
    previous = state.get("students", {})

    subs = discover(coursedir, chapter, students)
    outcomes: dict[str, Outcome] = {}
    digests: dict[str, str] = {}

    def save_state() -> None:
        """The record of every student, written after each graded submission so that an interrupted
        run resumes where it stopped (students not reached keep their previous entry)."""
        students = dict(previous)
        for o in outcomes.values():
            entry = {**asdict(o), "digest": digests.get(o.student, ""), "status": o.status}
            if o.status == "unchanged":
                entry = {**previous.get(o.student, {}), "status": "graded"}
            students[o.student] = entry
        state_path.parent.mkdir(parents=True, exist_ok=True)
        tmp = state_path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"chapter": chapter, "engine": ENGINE_VERSION, "students": students}, indent=1))
        tmp.replace(state_path)

    nbs: dict = {}
    hide = [root, autograde_dir.resolve().parent]  # what the sandbox empties: the course and this repository

    to_grade = []
    for sub in subs:
        if sub.problem:
            outcomes[sub.student] = Outcome(sub.student, "failed", sub.problem, sub.note)
            continue
        sub.digest = digests[sub.student] = _digest(sub.folder, ENGINE_VERSION + source_digest + str(timeout), sub.files)
        autograded = root / coursedir.autograded_directory / sub.student / chapter / f"{chapter}.ipynb"
        before = previous.get(sub.student, {})
        if not force and before.get("digest") == sub.digest and before.get("status") == "graded" and autograded.exists():
            outcomes[sub.student] = Outcome(sub.student, "unchanged", note=before.get("note", ""),
                                            flags=before.get("flags", []))
            continue
        to_grade.append(sub)
    # New and changed submissions first; those that failed last time (a notebook that killed its worker or
    # ran out of time, say) after them, so that they cannot hold up the rest of the class again.
    to_grade.sort(key=lambda sub: previous.get(sub.student, {}).get("status") == "failed")

    bar = None
    if progress and to_grade:
        from tqdm import tqdm

        bar = tqdm(total=len(to_grade), desc=f"grading {chapter}", unit="notebook", file=sys.stderr)

    def prepared() -> Iterator[dict]:
        """Sanitized jobs, handed to the workers one by one as they are ready (grading starts at once)."""
        for sub in to_grade:
            try:
                nb = sanitize(nbtools.read(sub.notebook), sub.student, chapter, config, db_url)
            except Exception as err:  # noqa: BLE001 - e.g. cells nbgrader refuses
                outcomes[sub.student] = Outcome(sub.student, "failed", f"nbgrader could not read it: {err}".splitlines()[0][:200], sub.note)
                if bar is not None:
                    bar.update(1)
                continue
            kinds = plan_cells(nb, released, modules)
            nbs[sub.student] = (sub, nb, kinds)
            yield {"id": sub.student, "nonce": secrets.token_hex(16), "notebook": json.loads(nbformat.writes(nb)),
                   "files": _files_of(sub), "kinds": kinds, "timeout": timeout,
                   "cpu_seconds": max(60, timeout * 4 + 60), "memory_mb": memory_mb,
                   "hide": [str(p) for p in hide]}

    if to_grade:
        pool = _open_pool(scheduler, use_sandbox, workers or default_workers(), len(to_grade), hide, pools)
        try:
            for result in pool.run(prepared()):
                student = result["id"]
                sub, nb, kinds = nbs[student]
                if result["status"] == "ok":
                    _EXECUTED[student] = nbformat.reads(json.dumps(result["notebook"]), as_version=4)
                else:
                    _EXECUTED[student] = result["reason"]
                outcome = Outcome(student, "graded", note=sub.note, seconds=result["seconds"], flags=result["flags"],
                                  skipped_cells=kinds.count("skip"))
                try:
                    record(config, chapter, student)
                except Exception as err:  # noqa: BLE001 - nbgrader reports it as a failed submission
                    outcome.status, outcome.reason = "failed", (result["reason"] or str(err)).splitlines()[0][:300]
                if result["status"] != "ok":
                    outcome.status, outcome.reason = "failed", result["reason"]
                _EXECUTED.pop(student, None)
                outcomes[student] = outcome
                save_state()
                if bar is not None:
                    bar.update(1)
                    if outcome.status == "failed":
                        bar.write(f"  {student}: could not be graded: {outcome.reason}")
        finally:
            if bar is not None:
                bar.close()
            if pools is None:
                pool.close()

    ordered = [outcomes[s.student] for s in subs if s.student in outcomes]
    save_state()
    summary(ordered, time.perf_counter() - started, log)
    return ordered


def autograde_many(autograde_dir: Path, chapters: list[str], **options) -> dict[str, list[Outcome]]:
    """``autograde`` for several chapters with one pool of warm workers."""
    pools: dict = {}
    try:
        return {chapter: autograde(autograde_dir, chapter, pools=pools, **options) for chapter in chapters}
    finally:
        for pool in pools.values():
            pool.close()


def summary(outcomes: list[Outcome], seconds: float, log: Callable[[str], None] = print) -> None:
    graded = [o for o in outcomes if o.status == "graded"]
    failed = [o for o in outcomes if o.status == "failed"]
    unchanged = [o for o in outcomes if o.status == "unchanged"]
    per = f", {seconds / len(graded):.2f} s per graded submission" if graded else ""
    log(f"graded {len(graded)}, failed {len(failed)}, unchanged {len(unchanged)} in {seconds:.1f} s{per}")
    for o in failed:
        log(f"  FAILED  {o.student}: {o.reason}")
    for o in outcomes:
        if o.note:
            log(f"  NOTE    {o.student}: {o.note}")
        for f in o.flags:
            log(f"  FLAG    {o.student}: {f['kind']}: {f['detail']}" + (f" (cell {f['cell']})" if f.get("cell") else ""))
