"""Block diagrams drawn from a small specification, so that a picture of a block cannot drift from its code.

A specification is a list of steps that run one after the other (top to bottom, or left to right):

* a string or :class:`Layer` is one box, e.g. ``"1x1 conv, 64"``, ``"BN"``, ``"ReLU"``;
  ``Layer(label, out="64x56x56")`` also writes the shape of the tensor it produces on the edge that leaves it;
* :class:`Branches` runs several sequences side by side on the same input and merges them
  (``merge="concat"`` or ``"+"``), e.g. an Inception block or ResNeXt's parallel paths;
* :class:`Residual` runs a body on the main line and a shortcut beside it that bypasses the body
  (empty: the identity; or a list of layers: a projection), merged by ``"+"`` (or ``"concat"``: a U-Net skip).
  Residuals nest, so a U-Net's skips are residuals inside residuals.

:func:`draw_block` draws one specification and returns the matplotlib Figure (titled);
:func:`draw_blocks` draws several side by side in one figure; :func:`layout` returns the geometry
(boxes, edges, labels) without drawing, which is what the tests check.

Example (a ResNet bottleneck with a projection shortcut)::

    from cnnblocks.diagrams import Layer, Residual, draw_block
    fig = draw_block([
        Layer("input", kind="tensor", out="256x56x56"),
        Residual(["1x1 conv, 64", "BN", "ReLU", "3x3 conv, 64", "BN", "ReLU", "1x1 conv, 256", "BN"],
                 shortcut=["1x1 conv, 256", "BN"], label="projection"),
        Layer("ReLU", out="256x56x56"),
    ], title="Bottleneck block with a projection shortcut")
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Mapping, Sequence

import matplotlib.pyplot as plt
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch
from matplotlib.textpath import TextPath
from matplotlib.font_manager import FontProperties

__all__ = ["Layer", "Branches", "Residual", "Layout", "layout", "draw_block", "draw_blocks", "KIND_COLORS"]

# Fill colours by kind of layer (light, readable in grey scale thanks to the labels).
KIND_COLORS = {
    "conv": "#cfe2f3",
    "norm": "#fff2cc",
    "act": "#d9ead3",
    "pool": "#e6d9f2",
    "fc": "#fce5cd",
    "up": "#d0e0e3",
    "merge": "#eeeeee",
    "tensor": "none",
    "other": "#f3f3f3",
}

_KEYWORDS = [  # (kind, regular expression); the first match on the lower-cased label wins
    ("merge", r"\b(concat\w*|add|sum)\b"),
    ("up", r"upsampl|transpose|\bup[- ]?conv"),
    ("pool", r"pool"),
    ("norm", r"\bbn\b|norm|\blrn\b"),
    ("act", r"relu|sigmoid|tanh|gelu|silu|swish|softmax|activation"),
    ("conv", r"conv"),
    ("fc", r"linear|dense|\bfc\b|fully"),
]

# Geometry, in inches at scale 1.
_FONT = 9.0
_PAD_X, _PAD_Y = 0.12, 0.08       # text to box border
_MIN_W = 0.5                       # narrowest box
_GAP = 0.3                         # length of an arrow between two steps
_FORK = 0.18                       # from a split (or fan-in) bus to the line it joins
_LANE = 0.35                       # space between side-by-side branches
_LABEL_OFF = 0.07                  # edge label to its edge
_SMALL = 0.85                      # edge labels are this much smaller than box labels
_MARGIN = 0.15


def _kind_of(label: str) -> str:
    low = label.lower()
    if low.strip() in {"+", "×", "x", "*"}:
        return "merge"
    for kind, pattern in _KEYWORDS:
        if re.search(pattern, low):
            return kind
    return "other"


@lru_cache(maxsize=4096)
def _text_size(text: str, fontsize: float) -> tuple[float, float]:
    """Width and height of ``text`` in inches (one line per ``\\n``), measured from the font's glyphs."""
    lines = text.split("\n")
    prop = FontProperties(size=fontsize)
    width = max((TextPath((0, 0), line or " ", prop=prop).get_extents().width for line in lines), default=0.0)
    return float(width) / 72.0, len(lines) * fontsize * 1.25 / 72.0


@dataclass
class Layer:
    """One box. ``kind`` picks the colour (conv, norm, act, pool, fc, up, merge, tensor, other; guessed
    from the label when omitted); ``kind="tensor"`` draws the label without a box (an input or output).
    ``out``, if given, is written on the edge that leaves the box (e.g. the tensor's shape)."""

    label: str
    out: str | None = None
    kind: str | None = None

    def __post_init__(self):
        if not isinstance(self.label, str) or not self.label:
            raise TypeError(f"Layer label must be a non-empty string, got {self.label!r}")
        self.kind = self.kind or _kind_of(self.label)
        if self.kind not in KIND_COLORS:
            raise ValueError(f"unknown kind {self.kind!r}; use one of {sorted(KIND_COLORS)}")


@dataclass
class Branches:
    """Sequences run side by side on the same input, merged by ``merge`` (``"concat"``, ``"+"``, ...).
    An empty sequence is an identity path. ``labels`` (optional, one per branch, None to skip) are written
    on the edge that enters each branch; ``out`` on the edge that leaves the merge."""

    branches: Sequence
    merge: str = "concat"
    out: str | None = None
    labels: Sequence | None = None

    def __post_init__(self):
        if len(self.branches) < 2:
            raise ValueError("Branches needs at least two branches")
        if self.labels is not None and len(self.labels) != len(self.branches):
            raise ValueError(f"{len(self.labels)} labels for {len(self.branches)} branches")


@dataclass
class Residual:
    """``body`` on the main line and ``shortcut`` beside it (empty: the identity), merged by ``merge``.
    ``label`` is written on the shortcut (e.g. "identity", "projection"); ``out`` on the edge that leaves
    the merge."""

    body: Sequence
    shortcut: Sequence = ()
    merge: str = "+"
    label: str | None = None
    out: str | None = None


# ------------------------------------------------------------------------------------------ geometry
@dataclass
class Node:
    """A drawn box: centre (x, y), width w and height h in inches (at scale 1)."""

    label: str
    kind: str
    x: float
    y: float
    w: float
    h: float
    text: str = ""  # the label as displayed (wrapped in the horizontal direction)

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        return self.x - self.w / 2, self.y - self.h / 2, self.x + self.w / 2, self.y + self.h / 2


@dataclass
class Edge:
    """A polyline (list of (x, y) points); ``head`` is True when it ends with an arrowhead."""

    points: list
    head: bool


@dataclass
class Label:
    """Text written on an edge, anchored at (x, y) with matplotlib alignments ha/va."""

    text: str
    x: float
    y: float
    ha: str
    va: str
    w: float
    h: float

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        x0 = {"left": self.x, "center": self.x - self.w / 2, "right": self.x - self.w}[self.ha]
        y0 = {"bottom": self.y, "center": self.y - self.h / 2, "top": self.y - self.h}[self.va]
        return x0, y0, x0 + self.w, y0 + self.h


@dataclass
class Layout:
    """Everything :func:`draw_block` draws, in inches at scale 1 (y grows upwards)."""

    nodes: list = field(default_factory=list)
    edges: list = field(default_factory=list)
    labels: list = field(default_factory=list)
    direction: str = "vertical"

    @property
    def extent(self) -> tuple[float, float, float, float]:
        boxes = [n.bounds for n in self.nodes] + [lab.bounds for lab in self.labels]
        xs = [p[0] for e in self.edges for p in e.points]
        ys = [p[1] for e in self.edges for p in e.points]
        x0 = min([b[0] for b in boxes] + xs)
        y0 = min([b[1] for b in boxes] + ys)
        x1 = max([b[2] for b in boxes] + xs)
        y1 = max([b[3] for b in boxes] + ys)
        return x0, y0, x1, y1


class _Ctx:
    def __init__(self, direction: str, wrap: bool):
        if direction not in ("vertical", "horizontal"):
            raise ValueError(f"direction must be 'vertical' or 'horizontal', got {direction!r}")
        self.vertical = direction == "vertical"
        self.wrap = wrap
        self.lay = Layout(direction=direction)

    # (u along the flow, v across it) -> (x, y)
    def xy(self, u: float, v: float) -> tuple[float, float]:
        return (v, -u) if self.vertical else (u, -v)

    def text(self, label: str) -> str:
        if self.wrap and not self.vertical and "\n" not in label:
            return label.replace(", ", ",\n")
        return label

    def node_size(self, layer: Layer) -> tuple[float, float]:
        """(along, across) of the box of ``layer``."""
        w, h = _text_size(self.text(layer.label), _FONT)
        if layer.kind == "merge" and len(layer.label.strip()) == 1:
            w = h = max(w, h) + 2 * _PAD_Y
        else:
            w, h = max(w + 2 * _PAD_X, _MIN_W), h + 2 * _PAD_Y
        return (h, w) if self.vertical else (w, h)

    def edge_label_need(self, text: str | None) -> tuple[float, float, float]:
        """(arrow length, space left of the edge, space right of it) that an edge label needs."""
        if not text:
            return _GAP, 0.0, 0.0
        w, h = _text_size(text, _FONT * _SMALL)
        if self.vertical:  # written to the right of the arrow
            return max(_GAP, h + 0.12), 0.0, _LABEL_OFF + w
        return max(_GAP, w + 0.16), _LABEL_OFF + h, 0.0  # written above the arrow

    def add_edge_label(self, text: str | None, u0: float, u1: float, v: float) -> None:
        if not text:
            return
        w, h = _text_size(text, _FONT * _SMALL)
        um = (u0 + u1) / 2
        if self.vertical:
            x, y = self.xy(um, v + _LABEL_OFF)
            self.lay.labels.append(Label(text, x, y, "left", "center", w, h))
        else:
            x, y = self.xy(um, v - _LABEL_OFF)
            self.lay.labels.append(Label(text, x, y, "center", "bottom", w, h))

    def add_edge(self, points_uv, head: bool) -> None:
        pts = [self.xy(u, v) for u, v in points_uv]
        self.lay.edges.append(Edge(pts, head))


def _as_step(item):
    if isinstance(item, str):
        return Layer(item)
    if isinstance(item, (Layer, Branches, Residual)):
        return item
    if isinstance(item, (list, tuple)):
        return _Seq(item)
    raise TypeError(f"a diagram step must be a string, Layer, Branches, Residual or a list of them, got {item!r}")


class _Seq:
    def __init__(self, items):
        if isinstance(items, (str, Layer, Branches, Residual)):
            items = [items]
        self.items = [_as_step(i) for i in items]

    @property
    def out(self):
        return _out(self.items[-1]) if self.items else None


def _out(step):
    return step.out if not isinstance(step, _Seq) else step.out


def _entry_is_node(step) -> bool:
    if isinstance(step, Layer):
        return True
    if isinstance(step, _Seq):
        return bool(step.items) and _entry_is_node(step.items[0])
    return False


def _measure(ctx: _Ctx, step):
    """(along, left, right): length along the flow and extents either side of the step's axis."""
    if isinstance(step, Layer):
        along, across = ctx.node_size(step)
        return along, across / 2, across / 2
    if isinstance(step, _Seq):
        along, left, right = 0.0, 0.0, 0.0
        for i, item in enumerate(step.items):
            a, l, r = _measure(ctx, item)
            along += a
            left, right = max(left, l), max(right, r)
            if i + 1 < len(step.items):
                g, gl, gr = ctx.edge_label_need(_out(item))
                along += g
                left, right = max(left, gl), max(right, gr)
        return along, left, right
    return _Fork(ctx, step).measure()


def _place(ctx: _Ctx, step, u0: float, v0: float) -> None:
    if isinstance(step, Layer):
        along, across = ctx.node_size(step)
        if ctx.vertical:
            w, h = across, along
        else:
            w, h = along, across
        x, y = ctx.xy(u0 + along / 2, v0)
        ctx.lay.nodes.append(Node(step.label, step.kind, x, y, w, h, ctx.text(step.label)))
        return
    if isinstance(step, _Seq):
        u = u0
        for i, item in enumerate(step.items):
            a, _, _ = _measure(ctx, item)
            _place(ctx, item, u, v0)
            u += a
            if i + 1 < len(step.items):
                g, _, _ = ctx.edge_label_need(_out(item))
                ctx.add_edge([(u, v0), (u + g, v0)], head=_entry_is_node(step.items[i + 1]))
                ctx.add_edge_label(_out(item), u, u + g, v0)
                u += g
        return
    _Fork(ctx, step).place(u0, v0)


class _Fork:
    """Geometry shared by Branches (centred) and Residual (body on the axis, shortcut to the side)."""

    def __init__(self, ctx: _Ctx, step):
        self.ctx = ctx
        if isinstance(step, Residual):
            self.branches = [_Seq(step.body), _Seq(step.shortcut)]
            self.labels = [None, step.label]
            self.centred = False
            if not self.branches[0].items:
                raise ValueError("Residual needs a non-empty body")
        else:
            self.branches = [_Seq(b) for b in step.branches]
            self.labels = list(step.labels) if step.labels is not None else [None] * len(self.branches)
            self.centred = True
        self.merge = Layer(step.merge, kind="merge")
        self.out = step.out
        sizes = [_measure(ctx, b) for b in self.branches]
        # arrow into each branch (may carry the branch label), and out of each branch into the fan-in bus
        self.g_in = max(ctx.edge_label_need(lab)[0] for lab in self.labels)
        self.g_out = max(ctx.edge_label_need(b.out)[0] for b in self.branches)
        self.sizes = []
        for b, lab, (a, l, r) in zip(self.branches, self.labels, sizes):
            for text in (lab, b.out):
                _, gl, gr = ctx.edge_label_need(text)
                l, r = max(l, gl), max(r, gr)
            self.sizes.append((a, l, r))
        self.longest = max(a for a, _, _ in self.sizes)
        # axes of the branches, relative to the fork's axis
        widths = [l + r for _, l, r in self.sizes]
        if self.centred:
            cursor = -(sum(widths) + _LANE * (len(widths) - 1)) / 2
            self.axes = []
        else:
            self.axes = [0.0]
            cursor = self.sizes[0][2] + _LANE
        for (_, l, _), w in list(zip(self.sizes, widths))[len(self.axes):]:
            self.axes.append(cursor + l)
            cursor += w + _LANE
        self.m_along, self.m_across = ctx.node_size(self.merge)

    def measure(self):
        along = _FORK + self.g_in + self.longest + self.g_out + _FORK + self.m_along
        left = max([self.m_across / 2] + [-(v - l) for v, (_, l, _) in zip(self.axes, self.sizes)])
        right = max([self.m_across / 2] + [v + r for v, (_, _, r) in zip(self.axes, self.sizes)])
        return along, max(left, 0.0), max(right, 0.0)

    def place(self, u0: float, v0: float) -> None:
        ctx = self.ctx
        vs = [v0 + v for v in self.axes]
        lo, hi = min(vs + [v0]), max(vs + [v0])
        u_split = u0 + _FORK
        u_branch = u_split + self.g_in
        u_bus = u_branch + self.longest + self.g_out
        # stem from the fork's entry to the split bus, and the bus
        ctx.add_edge([(u0, v0), (u_split, v0)], head=False)
        if hi > lo:
            ctx.add_edge([(u_split, lo), (u_split, hi)], head=False)
        for branch, label, v, (a, _, _) in zip(self.branches, self.labels, vs, self.sizes):
            if not branch.items:  # identity path: one line from bus to bus
                ctx.add_edge([(u_split, v), (u_bus, v)], head=False)
                ctx.add_edge_label(label, u_split, u_branch, v)
                continue
            ctx.add_edge([(u_split, v), (u_branch, v)], head=_entry_is_node(branch))
            ctx.add_edge_label(label, u_split, u_branch, v)
            _place(ctx, branch, u_branch, v)
            ctx.add_edge([(u_branch + a, v), (u_bus, v)], head=False)
            ctx.add_edge_label(branch.out, u_branch + a, u_branch + a + self.g_out, v)
        if hi > lo:
            ctx.add_edge([(u_bus, lo), (u_bus, hi)], head=False)
        ctx.add_edge([(u_bus, v0), (u_bus + _FORK, v0)], head=True)
        _place(ctx, self.merge, u_bus + _FORK, v0)


def layout(spec, direction: str = "vertical", wrap: bool = True) -> Layout:
    """The geometry of ``spec`` (see the module's docstring) without drawing it.

    ``direction``: "vertical" (top to bottom) or "horizontal" (left to right). ``wrap``: in the horizontal
    direction, break box labels after each ", " so that boxes stay narrow.
    """
    ctx = _Ctx(direction, wrap)
    seq = _Seq(spec)
    if not seq.items:
        raise ValueError("empty diagram specification")
    _place(ctx, seq, 0.0, 0.0)
    along, _, _ = _measure(ctx, seq)
    if seq.out:  # a trailing arrow carries the output's label
        g, _, _ = ctx.edge_label_need(seq.out)
        ctx.add_edge([(along, 0.0), (along + g, 0.0)], head=True)
        ctx.add_edge_label(seq.out, along, along + g, 0.0)
    return ctx.lay


def _render(lay: Layout, ax, scale: float) -> None:
    for n in lay.nodes:
        x0, y0, _, _ = n.bounds
        if n.kind == "tensor":
            pass
        elif n.kind == "merge" and len(n.label.strip()) == 1:
            circle = plt.Circle((n.x, n.y), n.w / 2, facecolor=KIND_COLORS["merge"], edgecolor="#333333",
                                linewidth=1.0, gid=f"node:{n.label}")
            ax.add_patch(circle)
        else:
            box = FancyBboxPatch((x0, y0), n.w, n.h, boxstyle="round,pad=0,rounding_size=0.06",
                                 facecolor=KIND_COLORS[n.kind], edgecolor="#333333", linewidth=1.0,
                                 gid=f"node:{n.label}")
            ax.add_patch(box)
        ax.text(n.x, n.y, n.text or n.label, ha="center", va="center", fontsize=_FONT * scale, zorder=3,
                fontstyle="italic" if n.kind == "tensor" else "normal")
    for e in lay.edges:
        pts = e.points
        if len(pts) > 2:
            ax.plot([p[0] for p in pts[:-1]], [p[1] for p in pts[:-1]], color="#333333", linewidth=1.0,
                    solid_capstyle="butt", gid="edge")
        arrow = FancyArrowPatch(pts[-2], pts[-1], arrowstyle="-|>" if e.head else "-",
                                mutation_scale=9 * scale, color="#333333", linewidth=1.0,
                                shrinkA=0, shrinkB=0, gid="arrow" if e.head else "line")
        ax.add_patch(arrow)
    for lab in lay.labels:
        ax.text(lab.x, lab.y, lab.text, ha=lab.ha, va=lab.va, fontsize=_FONT * _SMALL * scale,
                color="#555555", zorder=3)


def _frame(ax, lay: Layout, title: str) -> None:
    x0, y0, x1, y1 = lay.extent
    ax.set_xlim(x0 - _MARGIN, x1 + _MARGIN)
    ax.set_ylim(y0 - _MARGIN, y1 + _MARGIN)
    ax.set_aspect("equal")
    ax.set_axis_off()
    ax.set_title(title)


def _size(lay: Layout) -> tuple[float, float]:
    x0, y0, x1, y1 = lay.extent
    return x1 - x0 + 2 * _MARGIN, y1 - y0 + 2 * _MARGIN


def draw_block(spec, title: str, *, direction: str = "vertical", ax=None, max_size: tuple = (11.0, 11.0),
               wrap: bool = True):
    """Draw ``spec`` (a list of steps: strings, :class:`Layer`, :class:`Branches`, :class:`Residual`)
    as a block diagram titled ``title``; return the matplotlib Figure.

    ``direction``: "vertical" (top to bottom, the default) or "horizontal" (left to right).
    ``ax``: draw into this Axes (its figure is returned) instead of a new figure sized to the diagram.
    ``max_size``: (width, height) in inches that a new figure may not exceed; a larger diagram is scaled
    down, text included.
    """
    if not isinstance(title, str) or not title.strip():
        raise ValueError("every diagram needs a title")
    lay = layout(spec, direction=direction, wrap=wrap)
    width, height = _size(lay)
    if ax is None:
        scale = min(1.0, max_size[0] / width, max_size[1] / (height + 0.45))
        fig = plt.figure(figsize=(width * scale, (height + 0.45) * scale))
        ax = fig.add_axes((0.0, 0.0, 1.0, height / (height + 0.45)))
    else:
        fig = ax.figure
        bbox = ax.get_position()
        fw, fh = fig.get_size_inches()
        scale = min(1.0, bbox.width * fw / width, bbox.height * fh / height)
    _render(lay, ax, scale)
    _frame(ax, lay, title)
    return fig


def draw_blocks(specs: Mapping[str, object], title: str, *, direction: str = "vertical",
                max_size: tuple = (12.0, 11.0), wrap: bool = True):
    """Several diagrams side by side in one Figure (e.g. Inception v1 next to Keras ``mixed0``).

    ``specs`` maps each diagram's own title to its specification; ``title`` is the figure's title.
    """
    if not specs:
        raise ValueError("no diagrams to draw")
    if not isinstance(title, str) or not title.strip():
        raise ValueError("every diagram needs a title")
    lays = {name: layout(spec, direction=direction, wrap=wrap) for name, spec in specs.items()}
    sizes = [_size(lay) for lay in lays.values()]
    gap = 0.4
    width = sum(w for w, _ in sizes) + gap * (len(sizes) - 1)
    height = max(h for _, h in sizes) + 0.45  # each panel's title
    top = 0.45  # the figure's title
    scale = min(1.0, max_size[0] / width, max_size[1] / (height + top))
    fig = plt.figure(figsize=(width * scale, (height + top) * scale))
    left = 0.0
    for (name, lay), (w, h) in zip(lays.items(), sizes):
        ax = fig.add_axes((left / width, (height - 0.45 - h) / (height + top), w / width, h / (height + top)))
        _render(lay, ax, scale)
        _frame(ax, lay, name)
        left += w + gap
    fig.suptitle(title, y=1 - 0.1 / (height + top))
    return fig
