"""The course's figures. Every function labels its axes, takes a title and returns the Axes.

Inputs are NumPy arrays (use ``cnnblocks.checks.to_numpy`` on tensors).
"""
from __future__ import annotations

from typing import Mapping, Sequence

import matplotlib.pyplot as plt
import numpy as np

from .counting import human


def _axes(ax=None, figsize=(7.0, 4.0)):
    if ax is None:
        _, ax = plt.subplots(figsize=figsize)
    return ax


def bar_chart(
    labels: Sequence[str],
    values: Sequence[float],
    title: str,
    ylabel: str,
    ax=None,
    annotate: bool = True,
    log: bool = False,
    color=None,
):
    """Vertical bars with each bar's value printed above it (in k/M/G units)."""
    ax = _axes(ax)
    bars = ax.bar(list(labels), list(values), color=color)
    if log:
        ax.set_yscale("log")
    if annotate:
        for bar, value in zip(bars, values):
            ax.annotate(human(value), (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                        ha="center", va="bottom", fontsize=9)
    ax.set_title(title)
    ax.set_ylabel(ylabel)
    ax.margins(y=0.15)
    return ax


def grouped_bar_chart(
    labels: Sequence[str], series: Mapping[str, Sequence[float]], title: str, ylabel: str, ax=None, log: bool = False
):
    """Several bars per label, one colour per series (e.g. parameters and FLOPs per block)."""
    ax = _axes(ax)
    x = np.arange(len(labels))
    width = 0.8 / max(len(series), 1)
    for i, (name, values) in enumerate(series.items()):
        bars = ax.bar(x + (i - (len(series) - 1) / 2) * width, list(values), width, label=name)
        for bar, value in zip(bars, values):
            ax.annotate(human(value), (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                        ha="center", va="bottom", fontsize=8)
    ax.set_xticks(x, list(labels))
    if log:
        ax.set_yscale("log")
    ax.set_title(title)
    ax.set_ylabel(ylabel)
    ax.legend()
    ax.margins(y=0.15)
    return ax


def heatmap(
    matrix: np.ndarray,
    title: str,
    xlabel: str,
    ylabel: str,
    ax=None,
    cmap: str = "RdBu_r",
    colorbar_label: str = "value",
    symmetric: bool = True,
):
    """A matrix as an image (rows = y axis). ``symmetric`` centres the colour scale on zero."""
    ax = _axes(ax, figsize=(5.0, 4.0))
    m = np.asarray(matrix)
    limit = float(np.abs(m).max()) or 1.0
    kwargs = {"vmin": -limit, "vmax": limit} if symmetric else {}
    image = ax.imshow(m, cmap=cmap, aspect="auto", interpolation="nearest", **kwargs)
    ax.figure.colorbar(image, ax=ax, label=colorbar_label)
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.grid(False)
    return ax


def feature_map_grid(maps: np.ndarray, title: str, ncols: int = 8, cmap: str = "viridis", labels: Sequence[str] | None = None):
    """Channel maps of shape (C, H, W) as a grid of small images; returns the Figure."""
    maps = np.asarray(maps)
    count = maps.shape[0]
    nrows = int(np.ceil(count / ncols))
    fig, axes = plt.subplots(nrows, ncols, figsize=(1.3 * ncols, 1.3 * nrows + 0.6), squeeze=False)
    for i, ax in enumerate(axes.flat):
        ax.axis("off")
        if i < count:
            ax.imshow(maps[i], cmap=cmap)
            ax.set_title(labels[i] if labels else f"ch {i}", fontsize=7)
    fig.suptitle(title)
    fig.tight_layout()
    return fig


def curves(
    series: Mapping[str, Sequence[float]], title: str, xlabel: str, ylabel: str, ax=None, logy: bool = False
):
    """Line plot of several named series against their index (e.g. loss per epoch)."""
    ax = _axes(ax)
    for name, values in series.items():
        ax.plot(np.arange(1, len(values) + 1), list(values), marker="o", markersize=3, label=name)
    if logy:
        ax.set_yscale("log")
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.legend()
    return ax
