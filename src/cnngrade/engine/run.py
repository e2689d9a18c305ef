"""The grading engine: nbgrader's grades, computed in parallel by warm, sandboxed workers.

One run of ``autograde(chapter)`` follows nbgrader's own steps, in three phases:

1. **Prepare** (engine process): find each student's notebook (a lone notebook saved under another
   name counts), reject what is not a notebook with a one-line reason, skip submissions graded before
   and unchanged (unless ``force``), and *sanitize* with nbgrader's own preprocessors (ClearOutput,
   DeduplicateIds, OverwriteKernelspec, OverwriteCells, CheckCellMetadata): test cells, hidden tests
   included, are restored from the gradebook exactly as ``nbgrader autograde`` restores them. Each cell
   gets a kind (setup, lesson, student, test), and lesson cells that provably cannot matter are marked
   to skip (``plan_cells``).
2. **Execute** (workers, ``cnngrade.isolation.worker``): each submission in a fresh child forked from a worker that
   imported the frameworks once; ``WORKERS`` local workers in the sandbox, or a Dask cluster.
3. **Record** (engine process, the single writer of the gradebook): nbgrader's ``Autograde`` converter
   runs for the student with its normal preprocessor list, except that its ``Execute`` step returns the
   notebook the worker executed (``CachedExecute``, which first checks that the cells are the ones
   sanitized). So student records, timestamps, grades, late penalties, output limits and the
   autograded copy are nbgrader's, and ``make feedback``, ``make grades`` and formgrader work unchanged.

A submission that cannot be graded (not a notebook, a process that died, a cell that would not stop)
is reported with a one-line reason; the rest of the class is graded. Results, reasons, flags and
timings go to ``<work>/engine/<chapter>.json`` (read by ``make report``).

The phases live in ``engine.discover``, ``engine.prepare``, ``engine.pools`` (and ``cnngrade.isolation``) and
``engine.record``; this module runs them.
"""
from __future__ import annotations

import hashlib
import json
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .. import notebook as nbtools
from ..settings import Settings

from .config import course_directory, load_config
from .discover import Submission, _digest, discover
from .messages import Job, Result
from .pools import default_workers, open_pool
from .prepare import files_of, plan_cells, sanitize, setup_module_names
from .record import nbgrader_caches, record

ENGINE_VERSION = "1"

@dataclass
class Outcome:
    student: str
    status: str  # "graded", "failed", "unchanged"
    reason: str = ""
    note: str = ""
    seconds: float = 0.0
    flags: list[dict] = field(default_factory=list)
    skipped_cells: int = 0


def autograde(autograde_dir: Path, chapter: str, *, students: Iterable[str] | None = None,
              settings: Settings | None = None, log: Callable[[str], None] = print, pools: dict | None = None,
              use_sandbox: bool | None = None, **options) -> list[Outcome]:
    """Grade every collected submission of ``chapter``; returns one outcome per student.

    ``settings``: the run's settings (``Settings.load``); without them they are read now, from the environment
    and ``options`` (``force``, ``workers``, ``scheduler``, ``timeout``, ``memory_mb``, ``progress``;
    ``use_sandbox`` is ``Settings.sandbox``). ``pools``: a dict in which the worker pool is kept open for the
    next call (``autograde_many``); without it the pool is closed at the end.
    """
    if settings is None:
        settings = Settings.load(autograde_dir=autograde_dir, sandbox=use_sandbox, **options)
    with nbgrader_caches():
        return _autograde(settings, chapter, students, log, pools)


@dataclass
class _Run:
    """One chapter's run: the course, the released notebook, the engine's record of earlier runs."""

    settings: Settings
    chapter: str
    config: object
    coursedir: object
    timeout: int
    released: object = None
    modules: set = field(default_factory=set)
    source_digest: str = ""
    state_path: Path = Path()
    previous: dict = field(default_factory=dict)
    outcomes: dict = field(default_factory=dict)
    digests: dict = field(default_factory=dict)

    @classmethod
    def start(cls, settings: Settings, chapter: str) -> "_Run":
        config = load_config(settings.autograde_dir)
        coursedir = course_directory(config)
        timeout = settings.timeout
        if timeout is None:  # nbgrader's Execute.timeout (30 s by default; the course sets 300 s)
            timeout = int(config.Execute.get("timeout", 30) or 30) if "Execute" in config else 30
        run = cls(settings, chapter, config, coursedir, timeout)
        root = run.root
        run.released = nbtools.read(nbtools.notebook_path(root / coursedir.release_directory, chapter))
        run.modules = setup_module_names(run.released)
        run.source_digest = hashlib.sha256(nbtools.notebook_path(root / coursedir.source_directory, chapter).read_bytes()).hexdigest()
        run.state_path = root / Path(coursedir.autograded_directory).parent / "engine" / f"{chapter}.json"
        state = json.loads(run.state_path.read_text()) if run.state_path.exists() else {}
        run.previous = state.get("students", {})
        return run

    @property
    def root(self) -> Path:
        return Path(self.coursedir.root)

    @property
    def hide(self) -> list[Path]:
        """What the sandbox empties: the course and this repository."""
        return [self.root, self.settings.autograde_dir.resolve().parent]

    def save_state(self) -> None:
        """The record of every student, written after each graded submission so that an interrupted
        run resumes where it stopped (students not reached keep their previous entry)."""
        students = dict(self.previous)
        for o in self.outcomes.values():
            entry = {**asdict(o), "digest": self.digests.get(o.student, ""), "status": o.status}
            if o.status == "unchanged":
                entry = {**self.previous.get(o.student, {}), "status": "graded"}
            students[o.student] = entry
        self.state_path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.state_path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"chapter": self.chapter, "engine": ENGINE_VERSION, "students": students}, indent=1))
        tmp.replace(self.state_path)

    def select(self, subs: list[Submission]) -> list[Submission]:
        """The submissions to grade: readable, and new or changed (all of them with ``force``); the others
        get their outcome now."""
        to_grade = []
        for sub in subs:
            if sub.problem:
                self.outcomes[sub.student] = Outcome(sub.student, "failed", sub.problem, sub.note)
                continue
            sub.digest = self.digests[sub.student] = _digest(sub.folder, ENGINE_VERSION + self.source_digest + str(self.timeout), sub.files)
            autograded = nbtools.notebook_path(self.root / self.coursedir.autograded_directory / sub.student, self.chapter)
            before = self.previous.get(sub.student, {})
            if not self.settings.force and before.get("digest") == sub.digest and before.get("status") == "graded" and autograded.exists():
                self.outcomes[sub.student] = Outcome(sub.student, "unchanged", note=before.get("note", ""),
                                                     flags=before.get("flags", []))
                continue
            to_grade.append(sub)
        # New and changed submissions first; those that failed last time (a notebook that killed its worker or
        # ran out of time, say) after them, so that they cannot hold up the rest of the class again.
        to_grade.sort(key=lambda sub: self.previous.get(sub.student, {}).get("status") == "failed")
        return to_grade

    def job(self, sub: Submission, nb, kinds: list[str]) -> Job:
        """What a worker grades (``messages.Job``)."""
        return Job.for_notebook(sub.student, nb, kinds, timeout=self.timeout, memory_mb=self.settings.memory_mb,
                                files=files_of(sub), hide=self.hide)

    def outcome(self, result: Result, sub: Submission, kinds: list[str]) -> Outcome:
        """The worker's ``result`` recorded by nbgrader's converter (``record``), as the student's outcome."""
        student = result.id
        outcome = Outcome(student, "graded", note=sub.note, seconds=result.seconds, flags=result.flags,
                          skipped_cells=kinds.count("skip"))
        try:
            record(self.config, self.chapter, student, result.executed() if result.ok else result.reason)
        except Exception as err:  # noqa: BLE001 - nbgrader reports it as a failed submission
            outcome.status, outcome.reason = "failed", (result.reason or str(err)).splitlines()[0][:300]
        if not result.ok:
            outcome.status, outcome.reason = "failed", result.reason
        return outcome


def _autograde(settings: Settings, chapter: str, students: Iterable[str] | None, log: Callable[[str], None],
               pools: dict | None) -> list[Outcome]:
    started = time.perf_counter()
    run = _Run.start(settings, chapter)
    subs = discover(run.coursedir, chapter, students)
    to_grade = run.select(subs)
    nbs: dict = {}

    bar = None
    if settings.progress and to_grade:
        from tqdm import tqdm

        bar = tqdm(total=len(to_grade), desc=f"grading {chapter}", unit="notebook", file=sys.stderr)

    def prepared() -> Iterator[Job]:
        """Sanitized jobs, handed to the workers one by one as they are ready (grading starts at once)."""
        for sub in to_grade:
            try:
                nb = sanitize(nbtools.read(sub.notebook), sub.student, chapter, run.config, run.coursedir.db_url)
            except Exception as err:  # noqa: BLE001 - e.g. cells nbgrader refuses
                reason = f"nbgrader could not read it: {err}".splitlines()[0][:200]
                run.outcomes[sub.student] = Outcome(sub.student, "failed", reason, sub.note)
                if bar is not None:
                    bar.update(1)
                continue
            kinds = plan_cells(nb, run.released, run.modules)
            nbs[sub.student] = (sub, kinds)
            yield run.job(sub, nb, kinds)

    if to_grade:
        pool = open_pool(settings, settings.workers or default_workers(), len(to_grade), run.hide, pools)
        try:
            for result in pool.run(prepared()):
                outcome = run.outcomes[result.id] = run.outcome(result, *nbs[result.id])
                run.save_state()
                if bar is not None:
                    bar.update(1)
                    if outcome.status == "failed":
                        bar.write(f"  {outcome.student}: could not be graded: {outcome.reason}")
        finally:
            if bar is not None:
                bar.close()
            if pools is None:
                pool.close()

    ordered = [run.outcomes[s.student] for s in subs if s.student in run.outcomes]
    run.save_state()
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
