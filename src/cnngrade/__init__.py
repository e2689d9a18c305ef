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
