"""Entry point of a grading worker: ``python -m cnngrade.isolation.run_worker`` (what the engine starts).

Only this file is the module ``__main__``; the worker's code lives in ``cnngrade.isolation.worker``. Nothing the
grading loop uses is a global of ``__main__`` (which IPython replaces in a child, and which any function
defined here would expose through its ``__globals__``)."""
import sys

from cnngrade.isolation.worker import main

sys.exit(main())
