"""The grading engine: nbgrader's grades, computed in parallel by warm, sandboxed workers.

A run (``run.autograde``) goes through the modules in this order: ``config`` (the course's nbgrader
configuration), ``discover`` (each student's notebook, or why there is none), ``prepare`` (nbgrader's
sanitizing, the cell plan), ``messages`` (the ``Job`` a worker runs, the ``Result`` it sends back), ``pools``
(local warm workers or a Dask cluster, which run ``cnngrade.isolation``), ``record`` (nbgrader's own converter with the executed notebook).
"""
from ..analysis.effects import self_contained  # noqa: F401 - the skip rule's cell test, used by the proofs too
from .config import course_directory, load_config  # noqa: F401
from .discover import Submission, discover  # noqa: F401
from .messages import Job, Ready, Result  # noqa: F401
from .pools import DaskPool, LocalPool, LocalWorker, WorkerFailed, default_workers, open_pool  # noqa: F401
from .prepare import files_of, plan_cells, sanitize, setup_module_names  # noqa: F401
from .record import nbgrader_caches  # noqa: F401 - (the function record stays engine.record.record: engine.record is the module)
from .run import ENGINE_VERSION, Outcome, autograde, autograde_many, summary  # noqa: F401
