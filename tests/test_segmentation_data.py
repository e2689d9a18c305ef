import numpy as np
import pytest

from cnnblocks.segmentation_data import shapes_dataset


def test_shapes_and_types():
    images, masks = shapes_dataset(5, size=24, seed=1)
    assert images.shape == (5, 1, 24, 24) and images.dtype == np.float32
    assert masks.shape == (5, 24, 24) and masks.dtype == np.uint8
    assert set(np.unique(masks)) <= {0, 255}
    assert all(m.any() for m in masks), "every image holds at least one shape"


def test_deterministic_and_seeded():
    a, b = shapes_dataset(4, seed=3), shapes_dataset(4, seed=3)
    assert np.array_equal(a[0], b[0]) and np.array_equal(a[1], b[1])
    assert not np.array_equal(a[1], shapes_dataset(4, seed=4)[1])


def test_images_follow_the_masks():
    images, masks = shapes_dataset(50, size=32, seed=0, noise=0.0)
    fg, bg = images[:, 0][masks == 255], images[:, 0][masks == 0]
    assert fg.min() >= 0.6 - 1e-6 and bg.max() <= 0.3 + 1e-6


def test_rejects_bad_arguments():
    with pytest.raises(ValueError):
        shapes_dataset(2, size=2)
