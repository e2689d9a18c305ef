"""Notebook set-up: silence TensorFlow before it loads, seed every framework in use, fair warnings.

nbgrader scores a test cell as zero when it writes anything to stderr, and TensorFlow logs to stderr
from C++ (through absl) the first time it loads or runs an op. The variables below must be set before
the first ``import tensorflow``; setting them later has no effect.

Python warnings (``warnings.warn``, e.g. PyTorch's UserWarning for ``torch.tensor(a_tensor)``) also go
to stderr by default, so a correct solution that triggers one would lose the points of the test cell
that ran it. ``notebook_setup()`` sends them to stdout instead, prefixed "Warning (not an error):": the
student still sees them, the grade does not depend on them, and real errors (exceptions, warnings
turned into errors by a filter) still cost the points. Every chapter's setup cell calls it, so plain
nbgrader, the grading engine, a TA's own set-up and the student's Jupyter all apply the same rule.
"""
from __future__ import annotations

import logging
import os
import random
import sys
import warnings

TF_QUIET_ENV = {
    "TF_CPP_MIN_LOG_LEVEL": "3",  # C++ INFO/WARNING/ERROR logs off
    "TF_ENABLE_ONEDNN_OPTS": "0",  # no oneDNN banner on stderr; also makes CPU results reproducible
    "KERAS_BACKEND": "tensorflow",
}


def quiet_tensorflow() -> None:
    """Set the environment so that importing TensorFlow/Keras writes nothing to stderr.

    Raises:
        RuntimeError: if TensorFlow was already imported (too late to silence it).
    """
    if "tensorflow" in sys.modules:
        current = {k: os.environ.get(k) for k in TF_QUIET_ENV}
        if current != TF_QUIET_ENV:
            raise RuntimeError("quiet_tensorflow() must run before the first `import tensorflow`")
    os.environ.update(TF_QUIET_ENV)
    # TensorFlow's Python logger (tf.get_logger()) and absl print retracing and other warnings to
    # stderr; loggers can be configured before the library that uses them is imported.
    for name in ("tensorflow", "absl"):
        logging.getLogger(name).setLevel(logging.ERROR)
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    warnings.filterwarnings("ignore", category=FutureWarning)


def seed_everything(seed: int = 0) -> None:
    """Seed Python, NumPy and whichever of PyTorch / TensorFlow are already imported."""
    import numpy as np

    random.seed(seed)
    np.random.seed(seed)
    if "torch" in sys.modules:
        import torch

        torch.manual_seed(seed)
    if "keras" in sys.modules or "tensorflow" in sys.modules:
        import keras

        keras.utils.set_random_seed(seed)


WARNING_PREFIX = "Warning (not an error): "


def _show_warning_on_stdout(message, category, filename, lineno, file=None, line=None) -> None:
    """``warnings.showwarning`` replacement: one line on stdout, never the source line.

    The source line is left out on purpose: a warning raised inside a hidden test would otherwise
    quote the hidden test's code in the student's feedback.
    """
    try:
        text = f"{WARNING_PREFIX}{category.__name__}: {message}\n"
        out = sys.stdout if file is None or file is sys.stderr else file
        out.write(text)
    except Exception:  # noqa: BLE001  (like the default: a warning must never raise)
        pass


def warnings_to_stdout() -> None:
    """Show Python warnings on stdout with a clear prefix (nbgrader zeroes a cell that writes to stderr)."""
    warnings.showwarning = _show_warning_on_stdout


def notebook_setup(seed: int = 0) -> None:
    """What every chapter's first code cell calls: quiet TensorFlow, seed, warnings on stdout, figures."""
    quiet_tensorflow()
    warnings_to_stdout()
    seed_everything(seed)
    import matplotlib

    matplotlib.rcParams.update(
        {"figure.dpi": 100, "figure.figsize": (7.0, 4.0), "axes.grid": True, "grid.alpha": 0.3}
    )
    from .plotting import use_course_style

    use_course_style()  # colour-blind-safe palette, line styles, CJK fallback font
