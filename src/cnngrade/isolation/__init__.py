"""Where student code runs: the sandbox (``sandbox``), the warm forking worker (``worker``, started as
``python -m cnngrade.isolation.run_worker``) and the in-process guard of the test cells (``guard``)."""
