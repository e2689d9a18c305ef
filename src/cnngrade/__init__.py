"""Grading tools of the course. The sub-packages follow a submission, in order:

* ``authoring``  -- before release: prove each chapter's tests (solution full, stub zero, known-wrong and valid
  variants as declared), the variants' files, ``chapters/`` in sync, engine-vs-nbgrader comparison, benchmarks;
* ``intake``     -- a class hands in: collect submitted folders and archives as untrusted files;
* ``engine``     -- grade them: configuration, discovery, the cell plan, worker pools, nbgrader's record step;
* ``isolation``  -- where student code runs: the bubblewrap sandbox, the warm forking worker, the in-process guard;
* ``publishing`` -- what comes out: feedback without hidden tests, the class report, the student edition, the
  instructor edition of the book, the zh-CN book and notebooks (``translated_book``, ``catalogs``);
* ``similarity`` -- which submissions share the code students wrote;
* ``analysis``   -- static reading of cells (names, seeding, side effects) shared by the engine and the proofs.

``course`` (a throw-away nbgrader course), ``notebook`` (reading cells, building submissions), ``settings``
and ``cli`` are used by all of them. The book's Sphinx extensions are not in this package: they are Jupyter Book
local extensions in ``_ext/`` (the student edition ships them).

Command line (run from anywhere inside the course's environment); ``python -m cnngrade --help`` lists every
command, ``python -m cnngrade COMMAND --help`` describes one::

    python -m cnngrade prove 01-one-by-one     # solution full, stub zero, variants as declared
    python -m cnngrade sync                    # chapters/ equals a fresh generate_assignment
    python -m cnngrade autograde 01-one-by-one # grade the collected submissions with the engine
"""
from __future__ import annotations

import importlib
import importlib.abc
import importlib.util
import sys

# Issue 23 moved the flat modules into sub-packages. The old names that something outside src/ still imports
# (autograde/nbgrader_config.py, the tests) keep importing the same module object (``cnngrade.worker`` *is*
# ``cnngrade.isolation.worker``); an entry goes when nothing outside src/ uses its name any more.
MOVED = {
    "cnngrade.submissions": "cnngrade.intake.submissions",
    "cnngrade.sandbox": "cnngrade.isolation.sandbox",
    "cnngrade.worker": "cnngrade.isolation.worker",
    "cnngrade.guard": "cnngrade.isolation.guard",
    "cnngrade.feedback": "cnngrade.publishing.feedback",
    "cnngrade.edition": "cnngrade.publishing.edition",
    "cnngrade.prove": "cnngrade.authoring.prove",
    "cnngrade.variants": "cnngrade.authoring.variants",
    "cnngrade.compare": "cnngrade.authoring.compare",
    "cnngrade.sync": "cnngrade.authoring.sync",
    "cnngrade.book": "cnngrade.publishing.book",
    "cnngrade.i18n": "cnngrade.publishing.translated_book",
    "cnngrade.catalogs": "cnngrade.publishing.catalogs",
}


class _MovedModules(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """``import cnngrade.OLD`` returns the module at its new place (one module object under two names)."""

    def find_spec(self, name, path=None, target=None):
        return importlib.util.spec_from_loader(name, self) if name in MOVED else None

    def create_module(self, spec):
        module = importlib.import_module(MOVED[spec.name])
        self.real_spec = module.__spec__  # the import system overwrites __spec__ with the alias's
        return module

    def exec_module(self, module) -> None:
        module.__spec__ = self.real_spec


if not any(isinstance(finder, _MovedModules) for finder in sys.meta_path):
    sys.meta_path.append(_MovedModules())
