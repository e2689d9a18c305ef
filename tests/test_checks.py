import numpy as np
import pytest
import torch

from cnnblocks.checks import check_close, check_equal, check_raises, check_shape, to_numpy


def test_to_numpy_accepts_torch_numpy_and_lists():
    assert to_numpy(torch.ones(2, requires_grad=True)).tolist() == [1.0, 1.0]
    assert to_numpy(np.arange(3)).tolist() == [0, 1, 2]
    assert to_numpy([1, 2]).shape == (2,)


def test_check_close_passes_within_tolerance_and_reports_location():
    check_close(torch.tensor([1.0, 2.0]), np.array([1.0, 2.0 + 1e-7]))
    with pytest.raises(AssertionError, match=r"largest difference 0.5 at index \(1,\)(.|\n)*Hint: look") as err:
        check_close(np.array([1.0, 2.5]), np.array([1.0, 2.0]), what="y", hint="look")
    assert "1 of 2 values differ" in str(err.value)


def test_check_close_rejects_shape_mismatch_and_nan():
    with pytest.raises(AssertionError, match="expected shape"):
        check_close(np.zeros((2, 3)), np.zeros((3, 2)))
    with pytest.raises(AssertionError, match="NaN"):
        check_close(np.array([np.nan]), np.array([0.0]))


def test_check_shape_and_equal():
    check_shape(torch.zeros(1, 2, 3), (1, 2, 3))
    check_shape((4, 5), [4, 5])
    with pytest.raises(AssertionError, match=r"expected shape \(1, 2\), got \(2, 1\)"):
        check_shape(np.zeros((2, 1)), (1, 2))
    check_equal(3, 3)
    with pytest.raises(AssertionError, match="expected 4, got 3"):
        check_equal(3, 4)


def test_check_raises():
    def bad(x):
        raise ValueError(x)

    check_raises(ValueError, bad, 1)
    with pytest.raises(AssertionError, match="nothing was raised"):
        check_raises(ValueError, lambda: None)
    with pytest.raises(AssertionError, match="got TypeError"):
        check_raises(ValueError, lambda: (_ for _ in ()).throw(TypeError("no")))
