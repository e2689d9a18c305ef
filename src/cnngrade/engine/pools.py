"""Phase 2: where the jobs run. ``LocalPool``: warm ``cnngrade.isolation.worker`` processes on this machine (in the
sandbox when available); ``DaskPool``: tasks of a ``dask.distributed`` cluster; ``open_pool`` picks one. Every pool
takes ``messages.Job`` objects and yields ``messages.Result`` objects, one per job."""
from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Iterable, Iterator

from ..isolation import sandbox
from ..isolation import worker as worker_mod
from ..settings import Settings
from .messages import STOP, Job, Ready, Result


WORKER_MARGIN_SECONDS = 60  # beyond a submission's wall-clock limit: the worker's own cleaning and reply


class WorkerFailed(Exception):
    """The worker gave no acceptable result in time: it is killed and replaced. ``retry``: it died (or sent
    garbage) rather than ran out of the job's time, so the job may not be to blame: the pool retries it once."""

    def __init__(self, message: str, retry: bool = False):
        super().__init__(message)
        self.retry = retry


class LocalWorker:
    """One ``cnngrade.isolation.worker`` process (in the sandbox when available) and its channel."""

    def __init__(self, hide: list[Path], use_sandbox: bool, threads: int):
        env = {"CNNGRADE_THREADS": str(threads), "CNNGRADE_SANDBOXED": "1" if use_sandbox else "0",
               "PYTHONWARNINGS": os.environ.get("PYTHONWARNINGS", "ignore::DeprecationWarning")}
        argv = [sys.executable, "-m", "cnngrade.isolation.run_worker"]  # not -m cnngrade.isolation.worker: see run_worker
        if use_sandbox:
            argv = sandbox.command(argv, hide, env)
            proc_env = dict(os.environ)
        else:
            proc_env = {**os.environ, **env}
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=proc_env)
        self.ready = None

    def wait_ready(self) -> Ready:
        if self.ready is None:
            self.reader = worker_mod.Reader(self.proc.stdout.fileno())
            try:  # the warm-up imports the frameworks: minutes at most, even on a loaded machine
                self.ready = Ready.from_message(self.reader.read(1 << 16, time.monotonic() + 600))
            except (TimeoutError, EOFError, worker_mod.ChannelError, ValueError) as err:
                raise RuntimeError(f"the worker did not start ({type(err).__name__}: {err})") from None
        return self.ready

    def grade(self, job: Job) -> Result:
        """The worker's result for ``job``. The engine's own wall-clock limit (the worker's, plus a margin
        for its cleaning) holds whatever the worker or the child sends: past it, or on a message that is
        too large or malformed, ``WorkerFailed`` is raised and the pool replaces the worker."""
        self.wait_ready()
        message = job.to_message()
        limit = worker_mod.wall_seconds(message)
        deadline = time.monotonic() + limit + WORKER_MARGIN_SECONDS
        worker_mod.send(self.proc.stdin.fileno(), message)
        while True:
            try:
                answer = self.reader.read(worker_mod.RESULT_BYTES, deadline)
            except TimeoutError:
                raise WorkerFailed(f"no result within the submission's wall-clock limit of "
                                   f"{limit:.0f} s (+{WORKER_MARGIN_SECONDS} s)") from None
            except (EOFError, worker_mod.ChannelError) as err:
                raise WorkerFailed(f"the grading worker died or sent {err}", retry=True) from None
            if answer.get("nonce") != job.nonce or answer.get("id") != job.id:
                continue  # not an answer to this job: ignored
            try:
                return Result.from_message(answer)
            except (ValueError, TypeError) as err:
                raise WorkerFailed(f"the grading worker sent a malformed result ({err})", retry=True) from None

    def close(self) -> None:
        try:
            worker_mod.send(self.proc.stdin.fileno(), STOP)
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

    def run(self, jobs: Iterable[Job]) -> Iterator[Result]:
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

    def _grade(self, slot: int, job: Job) -> Result:
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
                result = Result.failed(job, f"the grading worker failed: {err}", retire=True,
                                       retry=getattr(err, "retry", False))
            if result.retire:  # the submission reached the worker: not used again
                w.proc.kill()
                w.proc.wait()
                self.workers[slot] = None
            if not result.retry:
                return result
            result.retry = False  # consumed here: the result the pool yields never asks for a retry
            if attempt == 2:
                result.reason = f"{result.reason} (a second time, on a fresh worker: not retried again)"
        return result

    def close(self) -> None:
        for w in self.workers:
            if w is not None:
                w.close()


_DASK_POOL: LocalPool | None = None
_DASK_UNISOLATED = ""  # why this Dask worker grades without the sandbox ("" when it uses it)


def grade_on_dask_worker(job: Job) -> Result:
    """Runs on a Dask worker: grade with a warm worker of that machine (started once per process).

    Where that machine cannot sandbox (no bubblewrap, no user namespaces) or its worker was started with
    ``CNNGRADE_SANDBOX=0``, every result it sends carries an "isolation" flag that says so, and with
    ``CNNGRADE_REQUIRE_SANDBOX=1`` in its environment it grades nothing (each job fails with the reason).
    Red team A, round 4: such a worker graded silently, unisolated, with the repository it runs from (its
    ``solutions/``) readable by every student cell; the engine's warning is about the engine's machine."""
    global _DASK_POOL, _DASK_UNISOLATED
    if _DASK_POOL is None:
        ok, why = sandbox.available()
        use = ok and os.environ.get("CNNGRADE_SANDBOX", "1") != "0"
        _DASK_UNISOLATED = "" if use else (why if not ok else "the sandbox was turned off (CNNGRADE_SANDBOX=0)")
        if _DASK_UNISOLATED and os.environ.get("CNNGRADE_REQUIRE_SANDBOX") == "1":
            return Result.failed(job, f"the cluster worker {os.uname().nodename} cannot sandbox student code"
                                      f" ({_DASK_UNISOLATED}) and CNNGRADE_REQUIRE_SANDBOX=1: not graded")
        _DASK_POOL = LocalPool(1, [Path(p) for p in job.hide], use, threads=1)
    result = next(iter(_DASK_POOL.run([job])))
    if _DASK_UNISOLATED:
        result.flags.append({"kind": "isolation", "cell": "",
                             "detail": f"graded without the sandbox on cluster worker {os.uname().nodename}: {_DASK_UNISOLATED}"})
    return result


class DaskPool:
    """Jobs as tasks of a ``dask.distributed`` cluster. A task is pure (a notebook in, a notebook out),
    so a worker lost mid-run has its tasks rerun elsewhere by the scheduler; the engine records each
    result once, when it arrives."""

    def __init__(self, address: str):
        from distributed import Client

        self.client = Client(address, timeout="30s")
        self.size = max(1, len(self.client.scheduler_info().get("workers", {})))

    def run(self, jobs: Iterable[Job]) -> Iterator[Result]:
        from distributed import as_completed

        submitted, futures = [], []
        for job in jobs:  # each submitted as soon as it is prepared
            submitted.append(job)
            futures.append(self.client.submit(grade_on_dask_worker, job, key=f"grade-{job.id}-{job.nonce}",
                                              pure=False, retries=2))
        for future in as_completed(futures):
            try:
                yield future.result()
            except Exception as err:  # noqa: BLE001
                job = submitted[futures.index(future)]
                yield Result.failed(job, f"the cluster could not run this submission: {err}")

    def close(self) -> None:
        self.client.close()


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)


def open_pool(settings: Settings, n: int, size: int, hide: list[Path], pools: dict | None):
    """The run's pool of ``n`` workers (at most ``size``, the submissions to grade, unless it is kept in
    ``pools`` for the next chapter), on Dask when ``settings.scheduler`` is set; sandboxed unless turned off or
    unavailable (then it says so once, or fails when ``settings.require_sandbox``: ``CNNGRADE_REQUIRE_SANDBOX=1``)."""
    scheduler, use_sandbox = settings.scheduler, settings.sandbox
    if use_sandbox and not scheduler:
        ok, why = sandbox.available()
        if not ok and settings.require_sandbox:
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

