import numpy as np
import pytest

from cnnblocks.segmentation_data import shapes_dataset, sparse_spots_dataset


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


def test_sparse_spots_rare_foreground():
    images, masks = sparse_spots_dataset(400, size=32, seed=0)
    assert images.shape == (400, 1, 32, 32) and images.dtype == np.float32
    assert masks.shape == (400, 32, 32) and masks.dtype == np.uint8 and set(np.unique(masks)) <= {0, 255}
    share = (masks == 255).mean()
    assert 0.015 < share < 0.026, share                     # about the 2% asked for
    holding = masks.reshape(400, -1).max(axis=1) > 0
    assert 0.24 < holding.mean() < 0.36, holding.mean()     # about 30% of the images hold any foreground
    spread = sparse_spots_dataset(400, size=32, seed=0, foreground=0.05, with_foreground=1.0)[1]
    assert 0.04 < (spread == 255).mean() < 0.06 and (spread.reshape(400, -1).max(axis=1) > 0).all()


def test_sparse_spots_images_follow_the_masks_and_seed():
    images, masks = sparse_spots_dataset(60, size=16, seed=2, noise=0.0, contrast=0.4)
    for image, mask in zip(images[:, 0], masks):
        background = image[mask == 0]
        assert np.ptp(background) < 1e-6                      # one background level per image
        if mask.any():
            assert np.allclose(image[mask == 255], background[0] + 0.4)
    again = sparse_spots_dataset(60, size=16, seed=2, noise=0.0, contrast=0.4)
    assert np.array_equal(again[1], masks) and not np.array_equal(sparse_spots_dataset(60, size=16, seed=3)[1], masks)


@pytest.mark.parametrize("kwargs", [{"size": 4}, {"foreground": 0.0}, {"foreground": 0.7}, {"with_foreground": 0.0},
                                    {"count": -1}])
def test_sparse_spots_rejects_bad_arguments(kwargs):
    with pytest.raises(ValueError):
        sparse_spots_dataset(**({"count": 2} | kwargs))
