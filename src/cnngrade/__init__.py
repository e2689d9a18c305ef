"""Grading tools: build submissions, drive real nbgrader in throw-away courses, prove the tests.

Command line (run from anywhere inside the course's environment)::

    python -m cnngrade prove 01-one-by-one     # solution full, stub zero, variants as declared
    python -m cnngrade sync                    # chapters/ equals a fresh generate_assignment
"""
