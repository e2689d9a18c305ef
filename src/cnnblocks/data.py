"""Data that ships with installed packages: nothing here downloads."""
from __future__ import annotations

import numpy as np


def digits(test_fraction: float = 0.25, seed: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """scikit-learn's bundled 8x8 digits as float32 NCHW images in [0, 1] and int64 labels.

    Returns:
        ``(x_train, y_train, x_test, y_test)``; x has shape (N, 1, 8, 8). 1,797 images in all,
        split with a fixed seed and stratified by class.
    """
    from sklearn.datasets import load_digits
    from sklearn.model_selection import train_test_split

    bunch = load_digits()
    x = (bunch.images / 16.0).astype(np.float32)[:, None, :, :]
    y = bunch.target.astype(np.int64)
    x_tr, x_te, y_tr, y_te = train_test_split(x, y, test_size=test_fraction, random_state=seed, stratify=y)
    return x_tr, y_tr, x_te, y_te


def sample_image(name: str = "china.jpg", size: int | None = 224) -> np.ndarray:
    """One of scikit-learn's bundled photos ('china.jpg' or 'flower.jpg') as float32 HWC in [0, 1].

    With ``size`` set, the central square crop is resized (by area averaging) to ``size x size``.
    """
    from sklearn.datasets import load_sample_image

    img = load_sample_image(name).astype(np.float32) / 255.0
    if size is None:
        return img
    h, w, _ = img.shape
    side = min(h, w)
    top, left = (h - side) // 2, (w - side) // 2
    crop = img[top : top + side, left : left + side]
    # Area resize via index binning: every output pixel averages the input pixels that fall in it.
    edges = np.linspace(0, side, size + 1).astype(int)
    rows = np.add.reduceat(crop, edges[:-1], axis=0) / np.diff(edges)[:, None, None]
    out = np.add.reduceat(rows, edges[:-1], axis=1) / np.diff(edges)[None, :, None]
    return out.astype(np.float32)
