"""Static analysis of notebook cells (no execution), in one place, because two decisions share it:

* ``names``     -- what a cell imports, binds and reads (the engine's plan, the proofs' dependencies, the worker);
* ``seeding``   -- the one seeding rule: test cells seed before they draw, so a skipped cell's random state
                   cannot reach a test;
* ``effects``   -- may a cell be left out without changing what others see (``self_contained``);
* ``testcells`` -- what a test cell may not do (display a value, import a framework, draw before seeding).

``tests/unit/test_analysis.py`` tests each rule in milliseconds.
"""
