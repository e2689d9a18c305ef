"""cnnblocks.diagrams: the boxes and edges drawn are the ones the specification asks for, laid out without
overlaps, branches side by side, shortcuts beside the stack they bypass."""
import itertools

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from matplotlib.patches import FancyArrowPatch  # noqa: E402

from cnnblocks.diagrams import Branches, Layer, Residual, draw_block, draw_blocks, layout  # noqa: E402

BODY = ["1x1 conv, 64", "BN", "ReLU", "3x3 conv, 64", "BN", "ReLU", "1x1 conv, 256", "BN"]
BOTTLENECK = [Layer("input", kind="tensor", out="256x56x56"),
              Residual(BODY, shortcut=["1x1 conv, 256, stride 2", "BN"], label="projection"),
              Layer("ReLU", out="256x28x28")]
INCEPTION = [Layer("previous layer", kind="tensor", out="192x28x28"),
             Branches([["1x1 conv, 64"], ["1x1 conv, 96", "3x3 conv, 128"], ["1x1 conv, 16", "5x5 conv, 32"],
                       ["3x3 max pool", "1x1 conv, 32"]], merge="concat", out="256x28x28")]
UNET = [Layer("image", kind="tensor"), "2x conv 3x3, 64",
        Residual(["2x2 max pool", "2x conv 3x3, 128",
                  Residual(["2x2 max pool", "2x conv 3x3, 256", "2x2 up-conv, 128"], merge="concat", label="copy"),
                  "2x conv 3x3, 128", "2x2 up-conv, 64"], merge="concat", label="copy"),
        "2x conv 3x3, 64", Layer("1x1 conv, 2", out="2xHxW")]
RESNEXT = [Branches([["1x1 conv, 4", "3x3 conv, 4", "1x1 conv, 256"]] * 3 + [[Layer("...", kind="tensor")]] + [[]],
                    merge="+", labels=[None, None, None, "32 paths", "identity"])]
SPECS = {"bottleneck": BOTTLENECK, "inception": INCEPTION, "unet": UNET, "resnext": RESNEXT}
DIRECTIONS = ["vertical", "horizontal"]


def _overlap(a, b, tol=1e-6):
    return a[0] < b[2] - tol and b[0] < a[2] - tol and a[1] < b[3] - tol and b[1] < a[3] - tol


def _by_label(lay, label):
    found = [n for n in lay.nodes if n.label == label]
    assert found, f"no box {label!r} in {[n.label for n in lay.nodes]}"
    return found


def test_sequence_boxes_and_arrows_follow_the_spec():
    lay = layout(["3x3 conv, 64", "BN", "ReLU"])
    assert [n.label for n in lay.nodes] == ["3x3 conv, 64", "BN", "ReLU"]
    assert len(lay.edges) == 2 and all(e.head for e in lay.edges)
    assert len({round(n.x, 6) for n in lay.nodes}) == 1  # one column
    ys = [n.y for n in lay.nodes]
    assert ys == sorted(ys, reverse=True)  # top to bottom
    for edge, (a, b) in zip(lay.edges, zip(lay.nodes, lay.nodes[1:])):
        (_, y0), (_, y1) = edge.points[0], edge.points[-1]
        assert y0 == pytest.approx(a.y - a.h / 2) and y1 == pytest.approx(b.y + b.h / 2)


def test_horizontal_runs_left_to_right_and_wraps_labels():
    lay = layout(["3x3 conv, 64", "BN", "ReLU"], direction="horizontal")
    xs = [n.x for n in lay.nodes]
    assert xs == sorted(xs) and len({round(n.y, 6) for n in lay.nodes}) == 1
    assert lay.nodes[0].text == "3x3 conv,\n64"
    assert layout(["3x3 conv, 64"], direction="horizontal", wrap=False).nodes[0].text == "3x3 conv, 64"


def test_kinds_are_guessed_from_labels():
    labels = {"1x1 conv, 64": "conv", "BN": "norm", "LRN": "norm", "ReLU": "act", "3x3 max pool": "pool",
              "3x3 avg pool, padding 1": "pool", "fc, 10": "fc", "2x2 up-conv": "up", "BatchNorm2d": "norm",
              "Add": "merge", "concat": "merge", "depthwise 3x3 conv": "conv", "dropout": "other"}
    kinds = {n.label: n.kind for n in layout(list(labels) + [Layer("x", kind="tensor")]).nodes}
    assert kinds == {**labels, "x": "tensor"}


def test_branches_side_by_side_then_merged():
    lay = layout(INCEPTION)
    firsts = [_by_label(lay, label)[0] for label in ("1x1 conv, 64", "1x1 conv, 96", "1x1 conv, 16", "3x3 max pool")]
    assert len({round(n.y, 6) for n in firsts}) == 1, "branches should start on the same row"
    xs = [n.x for n in firsts]
    assert xs == sorted(xs), "branches should appear in the order given, left to right"
    (concat,) = _by_label(lay, "concat")
    assert concat.kind == "merge"
    assert all(concat.y < n.y for n in lay.nodes if n is not concat and n.kind != "tensor")
    assert min(xs) < concat.x < max(xs)
    assert sorted(lab.text for lab in lay.labels) == ["192x28x28", "256x28x28"]


def test_residual_shortcut_bypasses_the_body_beside_it():
    lay = layout(BOTTLENECK)
    body = lay.nodes[1:1 + len(BODY)]  # placed in order: input, body, shortcut, merge, ReLU
    assert [n.label for n in body] == BODY
    assert len(body) == len(BODY) and len({round(n.x, 6) for n in body}) == 1, "body on one column"
    (proj,) = _by_label(lay, "1x1 conv, 256, stride 2")
    assert proj.x - proj.w / 2 > max(n.x + n.w / 2 for n in body), "shortcut right of the body"
    (plus,) = _by_label(lay, "+")
    assert plus.x == pytest.approx(body[0].x) and plus.y < min(n.y for n in body)
    assert "projection" in [lab.text for lab in lay.labels]


def test_identity_shortcut_is_a_line_beside_the_body():
    lay = layout([Residual(["3x3 conv, 64", "BN", "ReLU", "3x3 conv, 64", "BN"], label="identity")])
    body_right = max(n.x + n.w / 2 for n in lay.nodes if n.label != "+")
    top = max(n.y for n in lay.nodes)
    bottom = min(n.y for n in lay.nodes if n.label != "+")
    lanes = [e for e in lay.edges if len({round(p[0], 6) for p in e.points}) == 1
             and e.points[0][0] > body_right and abs(e.points[0][1] - e.points[-1][1]) > top - bottom]
    assert len(lanes) == 1, "one vertical line right of the body spans it"


def test_nested_residuals_nest_their_lanes():
    lay = layout(UNET)
    concats = _by_label(lay, "concat")
    assert len(concats) == 2
    vertical_lines = [e for e in lay.edges if len(e.points) == 2 and e.points[0][0] == e.points[1][0]]
    lane_xs = sorted({round(e.points[0][0], 6) for e in vertical_lines if e.points[0][0] > 0.5})
    assert len(lane_xs) >= 2  # the outer skip runs outside the inner one


@pytest.mark.parametrize("direction", DIRECTIONS)
@pytest.mark.parametrize("name", sorted(SPECS))
def test_no_overlaps_and_no_edge_through_a_box(name, direction):
    lay = layout(SPECS[name], direction=direction)
    boxes = [(n.label, n.bounds) for n in lay.nodes] + [("label " + lab.text, lab.bounds) for lab in lay.labels]
    for (la, a), (lb, b) in itertools.combinations(boxes, 2):
        assert not _overlap(a, b), f"{name}/{direction}: {la!r} overlaps {lb!r}"
    for edge in lay.edges:  # axis-parallel segments never cross a box's interior
        for (x0, y0), (x1, y1) in zip(edge.points, edge.points[1:]):
            assert x0 == pytest.approx(x1) or y0 == pytest.approx(y1)
            seg = (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
            for label, (bx0, by0, bx1, by1) in boxes:
                inner = (bx0 + 1e-3, by0 + 1e-3, bx1 - 1e-3, by1 - 1e-3)
                thick = (seg[0] - 1e-9, seg[1] - 1e-9, seg[2] + 1e-9, seg[3] + 1e-9)
                assert not _overlap(thick, inner), f"{name}/{direction}: an edge crosses {label!r}"


@pytest.mark.parametrize("direction", DIRECTIONS)
def test_figure_draws_every_box_arrow_and_title(direction):
    lay = layout(BOTTLENECK, direction=direction)
    fig = draw_block(BOTTLENECK, title="Bottleneck", direction=direction)
    try:
        (ax,) = fig.axes
        assert ax.get_title() == "Bottleneck"
        gids = [p.get_gid() or "" for p in ax.patches]
        boxes = [g for g in gids if g.startswith("node:")]
        assert sorted(boxes) == sorted(f"node:{n.label}" for n in lay.nodes if n.kind != "tensor")
        arrows = [p for p in ax.patches if isinstance(p, FancyArrowPatch) and p.get_gid() == "arrow"]
        assert len(arrows) == sum(e.head for e in lay.edges)
        texts = {t.get_text() for t in ax.texts}
        assert {"256x56x56", "256x28x28", "projection", "+"} <= texts
        w, h = fig.get_size_inches()
        assert (w > h) == (direction == "horizontal")
    finally:
        plt.close(fig)


def test_large_diagrams_are_scaled_to_fit():
    fig = draw_block(UNET * 3, title="tall", max_size=(6, 8))
    try:
        w, h = fig.get_size_inches()
        assert w <= 6 + 1e-6 and h <= 8 + 1e-6
    finally:
        plt.close(fig)


def test_side_by_side_panels_keep_their_titles():
    fig = draw_blocks({"Inception v1 (3a)": INCEPTION, "Keras mixed0": INCEPTION}, title="Two Inception blocks")
    try:
        assert [ax.get_title() for ax in fig.axes] == ["Inception v1 (3a)", "Keras mixed0"]
        assert fig._suptitle.get_text() == "Two Inception blocks"
        a, b = (ax.get_position() for ax in fig.axes)
        assert a.x1 <= b.x0
    finally:
        plt.close(fig)


def test_draw_into_given_axes_returns_its_figure():
    fig, ax = plt.subplots(figsize=(4, 6))
    try:
        assert draw_block(["conv", "BN"], title="t", ax=ax) is fig
    finally:
        plt.close(fig)


@pytest.mark.parametrize("bad, error", [
    (lambda: [], ValueError),
    (lambda: [3], TypeError),
    (lambda: [Branches([["a"]])], ValueError),
    (lambda: [Branches([["a"], ["b"]], labels=["x"])], ValueError),
    (lambda: [Residual([])], ValueError),
    (lambda: [Layer("a", kind="blue")], ValueError),
])
def test_bad_specifications_are_refused(bad, error):
    with pytest.raises(error):
        layout(bad())


def test_a_title_is_required():
    with pytest.raises(ValueError, match="title"):
        draw_block(["conv"], title="")
