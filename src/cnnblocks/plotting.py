"""The course's figures. Every function labels its axes, takes a title and returns the Axes.

Inputs are NumPy arrays (use ``cnnblocks.checks.to_numpy`` on tensors).

:func:`use_course_style` (called by ``cnnblocks.notebook_setup``) makes every figure readable with a colour
vision deficiency and able to show Chinese text:

* colours: the Okabe-Ito palette (Okabe and Ito, *Color Universal Design*, 2008), distinguishable with
  protanopia, deuteranopia and tritanopia. It is the default colour cycle, and matplotlib's named colours
  ``tab:blue``, ``tab:orange``, ``tab:green``, ``tab:red``, ``tab:purple`` ... that the chapters name are
  mapped onto it (``tab:red`` vs ``tab:green`` becomes vermillion vs bluish green);
* never colour alone: the default cycle also changes the line style, :func:`curves` gives each series its
  own marker and :func:`grouped_bar_chart` its own hatch;
* fonts: DejaVu Sans (matplotlib's own) first, so Latin text, digits and symbols look as before, then the
  first CJK font found (Debian's ``fonts-noto-cjk``: Noto Sans CJK SC; macOS and Windows fonts after it)
  for the glyphs DejaVu lacks. When no CJK font is installed the family list names none: no warning, and
  Latin labels render exactly as before.
"""
from __future__ import annotations

import os
from typing import Mapping, Sequence

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
from cycler import cycler

from .counting import human

# Okabe-Ito, in their order of contrast against white; black last (it is the text colour).
OKABE_ITO = {
    "blue": "#0072B2", "orange": "#E69F00", "bluish green": "#009E73", "vermillion": "#D55E00",
    "reddish purple": "#CC79A7", "sky blue": "#56B4E9", "yellow": "#F0E442", "black": "#000000",
}
PALETTE = [OKABE_ITO[name] for name in ("blue", "orange", "bluish green", "vermillion", "reddish purple",
                                        "sky blue", "black")]
LINESTYLES = ["-", "--", "-.", ":", (0, (5, 1, 1, 1, 1, 1)), (0, (8, 2)), (0, (1, 3))]
MARKERS = ["o", "s", "^", "D", "v", "P", "X"]
HATCHES = ["", "//", "..", "xx", "\\\\", "++", "oo"]
# matplotlib's Tableau names (its default cycle, and what the chapters name) -> the nearest Okabe-Ito colour.
TABLEAU_TO_OKABE_ITO = {
    "tab:blue": OKABE_ITO["blue"], "tab:orange": OKABE_ITO["orange"], "tab:green": OKABE_ITO["bluish green"],
    "tab:red": OKABE_ITO["vermillion"], "tab:purple": OKABE_ITO["reddish purple"],
    "tab:cyan": OKABE_ITO["sky blue"], "tab:olive": OKABE_ITO["yellow"], "tab:pink": OKABE_ITO["reddish purple"],
    "tab:brown": "#8C6D31", "tab:gray": "#7F7F7F", "tab:grey": "#7F7F7F",
}
# CJK fonts, most wanted first: Debian/Ubuntu (fonts-noto-cjk), then what macOS and Windows ship.
CJK_FONTS = ["Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "PingFang SC",
             "Hiragino Sans GB", "Microsoft YaHei", "SimHei"]
# Where Debian's fonts-noto-cjk puts the font: registered by hand when matplotlib's font cache predates it.
_CJK_FONT_FILES = ["/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
                   "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"]


def cjk_font() -> str | None:
    """The name of the first installed font of :data:`CJK_FONTS`, or None. Never warns."""
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    if not installed & set(CJK_FONTS):
        for path in _CJK_FONT_FILES:  # a font cache built before the package was installed does not list it
            if os.path.isfile(path):
                try:
                    font_manager.fontManager.addfont(path)
                except Exception:  # noqa: BLE001  (an unreadable font: behave as if it were absent)
                    continue
        installed = {f.name for f in font_manager.fontManager.ttflist}
    return next((name for name in CJK_FONTS if name in installed), None)


def use_course_style() -> None:
    """The course's figure style: Okabe-Ito colours with line styles, tab: names remapped, CJK fallback font."""
    from matplotlib import colors

    for name, value in TABLEAU_TO_OKABE_ITO.items():
        colors._colors_full_map[name] = value  # the named colours the chapters use, as the palette
    colors._colors_full_map.cache.clear()
    style = {"axes.prop_cycle": cycler(color=PALETTE) + cycler(linestyle=LINESTYLES),
             "image.cmap": "viridis"}
    font = cjk_font()
    # Listed families (not the generic "sans-serif") are what matplotlib falls back through, glyph by glyph.
    style["font.family"] = ["DejaVu Sans"] + ([font] if font else [])
    matplotlib.rcParams.update(style)


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
    """Several bars per label, one colour and one hatch per series (e.g. parameters and FLOPs per block)."""
    ax = _axes(ax)
    x = np.arange(len(labels))
    width = 0.8 / max(len(series), 1)
    for i, (name, values) in enumerate(series.items()):
        bars = ax.bar(x + (i - (len(series) - 1) / 2) * width, list(values), width, label=name,
                      hatch=HATCHES[i % len(HATCHES)], edgecolor="#333333", linewidth=0.6)
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
    """Line plot of several named series against their index (e.g. loss per epoch); each series has its own
    colour, line style and marker, so the legend reads without colour."""
    ax = _axes(ax)
    for i, (name, values) in enumerate(series.items()):
        ax.plot(np.arange(1, len(values) + 1), list(values), marker=MARKERS[i % len(MARKERS)], markersize=4,
                linestyle=LINESTYLES[i % len(LINESTYLES)], color=PALETTE[i % len(PALETTE)], label=name)
    if logy:
        ax.set_yscale("log")
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.legend()
    return ax
