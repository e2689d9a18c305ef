"""Generated segmentation data: noisy images of random circles and rectangles with their masks.

Nothing is downloaded; every call with the same arguments returns the same arrays. The masks come as
8-bit images with values {0, 255}, the way mask files (PNG) usually store them: turning them into what
a loss expects is part of the pipeline, not of the data.
"""
from __future__ import annotations

import numpy as np


def shapes_dataset(
    count: int,
    size: int = 32,
    seed: int = 0,
    noise: float = 0.2,
    max_shapes: int = 3,
) -> tuple[np.ndarray, np.ndarray]:
    """Random filled circles and rectangles on a noisy background.

    Args:
        count: number of images N.
        size: height and width of each (square) image.
        seed: seed of the NumPy generator (same seed, same data).
        noise: standard deviation of the Gaussian noise added to every pixel.
        max_shapes: each image holds between 1 and ``max_shapes`` shapes (they may overlap).

    Returns:
        ``(images, masks)``: images float32 of shape (N, 1, size, size) (NCHW, background about 0.2,
        shapes about 0.6 to 1.0, plus noise); masks uint8 of shape (N, size, size) with 255 where a
        shape covers the pixel and 0 elsewhere.
    """
    if count < 0 or size < 4 or max_shapes < 1:
        raise ValueError("need count >= 0, size >= 4 and max_shapes >= 1")
    rng = np.random.default_rng(seed)
    rows, cols = np.mgrid[0:size, 0:size]
    images = np.empty((count, 1, size, size), dtype=np.float32)
    masks = np.zeros((count, size, size), dtype=np.uint8)
    for i in range(count):
        clean = np.full((size, size), 0.2 + 0.1 * rng.random(), dtype=np.float32)
        for _ in range(int(rng.integers(1, max_shapes + 1))):
            brightness = rng.uniform(0.6, 1.0)
            if rng.random() < 0.5:   # circle
                radius = rng.uniform(size / 10, size / 4)
                cy, cx = rng.uniform(radius, size - radius, 2)
                inside = (rows - cy) ** 2 + (cols - cx) ** 2 <= radius ** 2
            else:                    # axis-aligned rectangle
                h, w = rng.integers(size // 6, size // 2, 2)
                top, left = rng.integers(0, size - h + 1), rng.integers(0, size - w + 1)
                inside = (rows >= top) & (rows < top + h) & (cols >= left) & (cols < left + w)
            clean[inside] = brightness
            masks[i][inside] = 255
        images[i, 0] = clean + noise * rng.standard_normal((size, size)).astype(np.float32)
    return images, masks


def sparse_spots_dataset(
    count: int,
    size: int = 32,
    seed: int = 0,
    foreground: float = 0.02,
    contrast: float = 0.4,
    noise: float = 0.2,
    with_foreground: float = 0.3,
) -> tuple[np.ndarray, np.ndarray]:
    """Small faint discs on a noisy background: a rare foreground (class imbalance).

    A share ``with_foreground`` of the images hold discs (radius 1.2 to 2.4 pixels; their number is 1 plus a
    Poisson variable), the others none, as in scans where a lesion shows in a few slices only. The mean number
    of discs is chosen so that about ``foreground`` of all pixels are foreground.

    Args:
        count: number of images N.
        size: height and width of each (square) image.
        seed: seed of the NumPy generator (same seed, same data).
        foreground: the expected share of foreground pixels, in (0, 0.5].
        contrast: how much brighter a disc is than the background.
        noise: standard deviation of the Gaussian noise added to every pixel.
        with_foreground: the expected share of images that hold any foreground, in (0, 1].

    Returns:
        ``(images, masks)``: images float32 of shape (N, 1, size, size) (NCHW); masks uint8 of shape
        (N, size, size) with 255 on the discs and 0 elsewhere, like ``shapes_dataset``.
    """
    if count < 0 or size < 8 or not 0 < foreground <= 0.5 or not 0 < with_foreground <= 1:
        raise ValueError("need count >= 0, size >= 8, 0 < foreground <= 0.5 and 0 < with_foreground <= 1")
    rng = np.random.default_rng(seed)
    rows, cols = np.mgrid[0:size, 0:size]
    mean_area = np.pi * (1.2 ** 2 + 1.2 * 2.4 + 2.4 ** 2) / 3       # E[pi r^2] for r uniform on [1.2, 2.4]
    spots_per_image = foreground * size * size / mean_area / with_foreground   # in an image that has any
    images = np.empty((count, 1, size, size), dtype=np.float32)
    masks = np.zeros((count, size, size), dtype=np.uint8)
    for i in range(count):
        background = 0.2 + 0.1 * rng.random()
        inside = np.zeros((size, size), dtype=bool)
        spots = 1 + int(rng.poisson(max(spots_per_image - 1, 0))) if rng.random() < with_foreground else 0
        for _ in range(spots):
            radius = rng.uniform(1.2, 2.4)
            cy, cx = rng.uniform(2, size - 2, 2)
            inside |= (rows - cy) ** 2 + (cols - cx) ** 2 <= radius ** 2
        clean = np.where(inside, background + contrast, background).astype(np.float32)
        masks[i][inside] = 255
        images[i, 0] = clean + noise * rng.standard_normal((size, size)).astype(np.float32)
    return images, masks
