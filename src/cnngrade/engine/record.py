"""Phase 3: nbgrader's own bookkeeping (its ``Autograde`` converter) with the notebook a worker executed, and
caches that make nbgrader's bookkeeping cheaper without changing its results.

The executed notebook reaches nbgrader's pipeline the way nbgrader passes anything to a preprocessor: in the
``resources`` of the notebook (``resources["cnngrade"]["executed"]``, set by the converter that ``record``
runs), where ``CachedExecute``, in ``Execute``'s place, takes it."""
from __future__ import annotations

import functools
import json
from contextlib import contextmanager

from nbformat import NotebookNode


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


RESOURCES_KEY = "cnngrade"  # resources[RESOURCES_KEY]["executed"]: the worker's notebook, or why there is none


@functools.lru_cache(maxsize=None)
def _classes():
    """(``CachedExecute``, ``Recording``), made once, on first use (importing nbgrader takes a second)."""
    from nbgrader.converters import Autograde
    from nbgrader.preprocessors import NbGraderPreprocessor

    class CachedExecute(NbGraderPreprocessor):
        """nbgrader's ``Execute`` step, replaced by the notebook a grading worker executed (from ``resources``)."""

        def preprocess(self, nb, resources):
            executed = resources.get(RESOURCES_KEY, {}).get("executed")
            if isinstance(executed, str) or executed is None:
                raise RuntimeError(executed or f"no executed notebook for {resources['nbgrader']['student']}")
            sources = [(c.cell_type, c.source) for c in nb.cells]
            if sources != [(c.cell_type, c.source) for c in executed.cells]:
                raise RuntimeError("the executed notebook does not match the sanitized submission")
            return executed, resources

    class Recording(Autograde):
        """nbgrader's ``Autograde`` converter that hands ``executed`` to its preprocessors in ``resources``."""

        def __init__(self, executed: NotebookNode | str, **kwargs):
            super().__init__(**kwargs)
            self.executed = executed

        def init_single_notebook_resources(self, notebook_filename):
            resources = super().init_single_notebook_resources(notebook_filename)
            resources[RESOURCES_KEY] = {"executed": self.executed}
            return resources

    return CachedExecute, Recording


def record(coursedir_config, chapter: str, student: str, executed: NotebookNode | str) -> None:
    """nbgrader's Autograde converter for one student, executing nothing: ``executed`` is the notebook a worker
    executed, or the reason it has none (``CachedExecute`` raises it, and nbgrader records the failure)."""
    import logging

    from nbgrader.converters import Autograde
    from nbgrader.coursedir import CourseDirectory
    from nbgrader.preprocessors import Execute
    from traitlets.config import Config

    cached_execute, recording = _classes()
    config = Config(coursedir_config)
    default = list(Autograde(config=coursedir_config).autograde_preprocessors)
    config.Autograde.autograde_preprocessors = [cached_execute if p is Execute else p for p in default]
    coursedir = CourseDirectory(config=config)
    coursedir.assignment_id, coursedir.student_id = chapter, student
    converter = recording(executed, coursedir=coursedir, config=config)
    quiet = logging.getLogger("cnngrade.nbgrader")  # the engine reports failures itself, in one line each
    quiet.addHandler(logging.NullHandler())
    quiet.propagate = False
    converter.log = quiet
    converter.force = True
    converter.start()

