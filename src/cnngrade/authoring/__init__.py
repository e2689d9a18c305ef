"""Tests of the tests, for authors: proofs of each chapter (``prove``), known-wrong and valid variants
(``variants``), the engine against plain nbgrader (``compare``), ``chapters/`` in sync (``sync``), benchmarks
(``bench``)."""
