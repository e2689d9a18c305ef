"""The grading settings, read once and passed down.

They come from three places, and only here are they read:

* the command line and the Makefile's variables (``make autograde WORKERS=4 SCHEDULER=... SANDBOX=0 FORCE=1
  TIMEOUT=...``, which the Makefile turns into ``python -m cnngrade autograde`` options and
  ``CNNGRADE_SANDBOX``);
* the environment: ``CNNBLOCKS_REPO`` (the course repository, ``course.repo_root``), ``CNNGRADE_SANDBOX``
  (``0`` runs student code unisolated), ``CNNGRADE_REQUIRE_SANDBOX`` (``1``: fail rather than grade
  unisolated; CI sets it);
* ``autograde/nbgrader_config.py`` (the course's folders and ``Execute.timeout``), loaded by
  ``engine.config.load_config`` where a run starts (the engine loads it per chapter: a course's
  configuration reads its folders from the environment).

Not yet here (phase 2 of issue 23): ``CNNGRADE_THREADS`` and ``CNNGRADE_SANDBOXED``, which the engine sets
for the worker it starts and the worker reads (``isolation.worker.main``), and the Dask worker's own
``CNNGRADE_SANDBOX`` (``engine.pools.grade_on_dask_worker`` runs on another machine, with its environment).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Mapping

DEFAULT_MEMORY_MB = 4096  # per submission, in the worker's child


def _repo_autograde_dir() -> Path:
    from .course import repo_root

    return repo_root() / "autograde"


@dataclass(frozen=True)
class Settings:
    """What a grading run needs to know besides the chapter and the students.

    ``sandbox``: isolate student code (bubblewrap) when it is available; ``require_sandbox``: refuse to grade
    when it is not. ``workers``: local worker processes (``None``: one per core); ``scheduler``: a
    ``dask.distributed`` address instead of local workers; ``timeout``: seconds per cell (``None``: the
    configuration's ``Execute.timeout``); ``force``: regrade unchanged submissions."""

    autograde_dir: Path
    sandbox: bool = True
    require_sandbox: bool = False
    workers: int | None = None
    scheduler: str | None = None
    timeout: int | None = None
    force: bool = False
    memory_mb: int = DEFAULT_MEMORY_MB
    progress: bool = True

    @classmethod
    def load(cls, environ: Mapping[str, str] | None = None, *, autograde_dir: str | Path | None = None,
             sandbox: bool | None = None, workers: int | None = None, scheduler: str | None = None,
             timeout: int | None = None, force: bool = False, **options) -> "Settings":
        """Settings from the environment (``os.environ`` unless given), with the command line's choices on top:
        an option left empty (``None``, ``0``, ``""``) keeps the default."""
        env = os.environ if environ is None else environ
        return cls(
            autograde_dir=Path(autograde_dir) if autograde_dir else _repo_autograde_dir(),
            sandbox=(env.get("CNNGRADE_SANDBOX", "1") != "0") if sandbox is None else sandbox,
            require_sandbox=env.get("CNNGRADE_REQUIRE_SANDBOX") == "1",
            workers=workers or None,
            scheduler=scheduler or None,
            timeout=timeout or None,
            force=force,
            **options,
        )

    def but(self, **changes) -> "Settings":
        """A copy with ``changes``."""
        return replace(self, **changes)
