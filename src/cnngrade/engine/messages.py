"""The messages between the engine and a grading worker (``cnngrade.isolation.worker``), typed.

The worker speaks length-prefixed JSON (``worker.send`` / ``worker.Reader``); these classes are the engine's
side of it: ``to_message`` writes the exact dict the worker reads, ``from_message`` reads the exact dict it
writes. Every pool (``LocalPool``, ``DaskPool``) takes ``Job`` objects and yields ``Result`` objects, and a
job that never reached an answer (a worker that died, a cluster that failed) gets a ``Result.failed`` with
the same fields as a graded one.

engine -> worker, one per submission (``Job``)::

    id           the student: the engine files the result under it
    nonce        random, fresh per job: a result counts only with the job's id *and* nonce (an answer to an
                 earlier job still on the channel is ignored)
    notebook     the sanitized notebook, as nbformat JSON (``prepare.sanitize``)
    files        the submission's other files for the sandbox: {relative path: base64} (``prepare.files_of``)
    kinds        one kind per cell: markdown, setup, lesson, student, test, skip (``prepare.plan_cells``)
    timeout      seconds a cell may run (nbgrader's ``Execute.timeout``, or ``TIMEOUT=``)
    cpu_seconds  the child's CPU-time limit (RLIMIT_CPU), for the whole submission
    memory_mb    the child's address-space limit (RLIMIT_AS)
    hide         the folders the sandbox empties (the course, this repository); the worker ignores it: a
                 Dask worker reads it to start its own sandboxed worker (``pools.grade_on_dask_worker``)
    wall_seconds optional: the submission's wall-clock limit, instead of the one ``worker.wall_seconds``
                 computes from ``kinds`` and ``timeout`` (tests use a short one); left out when not set

worker -> engine, one per job (``Result``)::

    id, nonce    the job's
    status       "ok" (every cell ran; the grades are nbgrader's to compute) or "failed" (not graded)
    reason       why it failed, one line ("" when ok)
    notebook     the executed notebook (nbformat JSON) when ok, else null
    flags        [{"kind", "detail", "cell"}]: what the guard noticed (``cnngrade.isolation.guard``)
    seconds      wall-clock seconds the worker spent on the submission
    timings      [[cell index, seconds]] per executed cell; index -1 is the kernel's start-up. The worker
                 sends it with a graded notebook only; a failed result reads as []
    retire       the submission reached the worker's fork server: the worker stops, the pool replaces it
    retry        (failure paths only) the job may not be to blame (the fork server was gone before it
                 ran): the pool grades it again, once, on a fresh worker; the pool's result carries False

Besides jobs, the engine sends ``STOP`` (the worker exits) and the worker sends ``Ready`` once, when it has
imported the frameworks and started its fork server.
"""
from __future__ import annotations

import json
import secrets
from dataclasses import MISSING, dataclass, field, fields
from typing import Any

import nbformat
from nbformat import NotebookNode

STOP: dict = {"stop": True}


def new_nonce() -> str:
    return secrets.token_hex(16)


@dataclass(kw_only=True)
class Job:
    """One submission for a worker to run (the keys are documented in the module's docstring)."""

    id: str
    notebook: dict
    kinds: list[str]
    timeout: int
    cpu_seconds: int
    memory_mb: int
    files: dict[str, str] = field(default_factory=dict)
    hide: list[str] = field(default_factory=list)
    nonce: str = field(default_factory=new_nonce)
    wall_seconds: float | None = None

    @classmethod
    def for_notebook(cls, student: str, nb: NotebookNode, kinds: list[str], *, timeout: int, memory_mb: int,
                     files: dict[str, str] | None = None, hide: list | None = None) -> "Job":
        """The job of a sanitized notebook: its JSON, and the course's CPU-time limit for ``timeout``
        (four times a cell's limit plus a minute, at least a minute)."""
        return cls(id=student, notebook=json.loads(nbformat.writes(nb)), kinds=kinds, timeout=timeout,
                   cpu_seconds=max(60, timeout * 4 + 60), memory_mb=memory_mb, files=dict(files or {}),
                   hide=[str(p) for p in hide or []])

    def to_message(self) -> dict:
        """The dict the worker reads (``wall_seconds`` only when set)."""
        message = {f.name: getattr(self, f.name) for f in fields(self)}
        if self.wall_seconds is None:
            del message["wall_seconds"]
        return message

    @classmethod
    def from_message(cls, message: dict) -> "Job":
        return cls(**_known(cls, message))


@dataclass(kw_only=True)
class Result:
    """A worker's answer to a job (the keys are documented in the module's docstring)."""

    id: str
    nonce: str
    status: str
    reason: str = ""
    notebook: dict | None = None
    flags: list[dict] = field(default_factory=list)
    seconds: float = 0.0
    timings: list = field(default_factory=list)
    retire: bool = False
    retry: bool = False

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    def answers(self, job: Job) -> bool:
        return self.id == job.id and self.nonce == job.nonce

    def executed(self) -> NotebookNode:
        """The executed notebook as nbformat reads it (the converter's input)."""
        return nbformat.reads(json.dumps(self.notebook), as_version=4)

    @classmethod
    def failed(cls, job: Job, reason: str, *, seconds: float = 0.0, retire: bool = False, retry: bool = False) -> "Result":
        """The result of a job that got no answer from a worker, with every field a graded one has."""
        return cls(id=job.id, nonce=job.nonce, status="failed", reason=reason, seconds=seconds, retire=retire, retry=retry)

    def to_message(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_message(cls, message: dict) -> "Result":
        """The worker's dict as a ``Result``: keys it leaves out take their defaults (a failure carries no
        ``timings``, most carry no ``retry``); ``ValueError`` when it is not a result at all."""
        if not isinstance(message, dict) or message.get("status") not in ("ok", "failed"):
            raise ValueError("not a result (no status ok/failed)")
        result = cls(**_known(cls, message))
        if result.ok and not isinstance(result.notebook, dict):
            raise ValueError("a result with status ok and no notebook")
        return result


@dataclass(kw_only=True)
class Ready:
    """The worker's first message: it imported the frameworks and started its fork server."""

    ready: bool
    pid: int = 0
    sandboxed: bool = False
    not_dumpable: bool = False

    @classmethod
    def from_message(cls, message: dict) -> "Ready":
        if not isinstance(message, dict) or message.get("ready") is not True:
            raise ValueError("not the worker's ready message")
        return cls(**_known(cls, message))


def _known(cls, message: dict) -> dict[str, Any]:
    """``message``'s keys that are fields of ``cls``; a required field missing is a ``ValueError``."""
    names = {f.name for f in fields(cls)}
    missing = [f.name for f in fields(cls) if f.name not in message and _required(f)]
    if missing:
        raise ValueError(f"{cls.__name__} without {', '.join(missing)}")
    return {k: v for k, v in message.items() if k in names}


def _required(f) -> bool:
    return f.default is MISSING and f.default_factory is MISSING
