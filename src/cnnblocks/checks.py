"""Assertion helpers for test cells: each failure says what was expected, what was got, and why.

They accept NumPy arrays, PyTorch tensors and TensorFlow tensors alike (converted with ``to_numpy``),
raise ``AssertionError`` (so nbgrader records a failed test, not a crash of the grader) and print
nothing when they pass.
"""
from __future__ import annotations

from typing import Any, Sequence

import numpy as np


def to_numpy(value: Any) -> np.ndarray:
    """A NumPy copy of an array-like: NumPy array, PyTorch tensor (any device), TF tensor, list."""
    if hasattr(value, "detach"):  # torch.Tensor
        return value.detach().cpu().numpy()
    if hasattr(value, "numpy"):  # tf.Tensor / keras variable
        return np.asarray(value.numpy())
    return np.asarray(value)


def _hint(hint: str) -> str:
    return f"\nHint: {hint}" if hint else ""


def check_shape(actual: Any, expected: Sequence[int], what: str = "output", hint: str = "") -> None:
    """Assert ``actual`` (array or shape) has shape ``expected``."""
    shape = tuple(actual) if isinstance(actual, (tuple, list)) else tuple(to_numpy(actual).shape)
    expected = tuple(expected)
    if shape != expected:
        raise AssertionError(f"{what}: expected shape {expected}, got {shape}.{_hint(hint)}")


def check_close(
    actual: Any, expected: Any, atol: float = 1e-5, rtol: float = 1e-5, what: str = "output", hint: str = ""
) -> None:
    """Assert two arrays have the same shape and agree within ``atol + rtol * |expected|``.

    The message reports the largest absolute difference and where it is, so a student can tell an
    off-by-one window from a rounding error.
    """
    a, e = to_numpy(actual).astype(np.float64), to_numpy(expected).astype(np.float64)
    if a.shape != e.shape:
        raise AssertionError(f"{what}: expected shape {e.shape}, got {a.shape}.{_hint(hint)}")
    if not np.all(np.isfinite(a)):
        raise AssertionError(f"{what}: contains NaN or inf.{_hint(hint)}")
    diff = np.abs(a - e)
    bad = diff > atol + rtol * np.abs(e)
    if bad.any():
        where = np.unravel_index(int(np.argmax(diff)), diff.shape) if diff.ndim else ()
        raise AssertionError(
            f"{what}: {int(bad.sum())} of {bad.size} values differ; largest difference {diff.max():.3g} "
            f"at index {tuple(int(i) for i in where)} (got {a[where]:.6g}, expected {e[where]:.6g}; "
            f"tolerance atol={atol:g}, rtol={rtol:g}).{_hint(hint)}"
        )


def check_equal(actual: Any, expected: Any, what: str = "value", hint: str = "") -> None:
    """Assert ``actual == expected`` for plain Python values (ints, tuples, strings)."""
    if actual != expected:
        raise AssertionError(f"{what}: expected {expected!r}, got {actual!r}.{_hint(hint)}")


def check_raises(exception: type[BaseException], func, *args: Any, what: str = "", hint: str = "", **kwargs: Any) -> None:
    """Assert ``func(*args, **kwargs)`` raises ``exception``."""
    call = what or f"{getattr(func, '__name__', 'call')}{args}"
    try:
        func(*args, **kwargs)
    except exception:
        return
    except Exception as err:  # noqa: BLE001 - we report the wrong exception type
        raise AssertionError(
            f"{call}: expected {exception.__name__}, got {type(err).__name__}: {err}.{_hint(hint)}"
        ) from None
    raise AssertionError(f"{call}: expected {exception.__name__}, but nothing was raised.{_hint(hint)}")
