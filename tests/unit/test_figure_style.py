"""cnnblocks.plotting.use_course_style: colour-blind-safe colours, information not carried by colour alone, and
Chinese text rendered with a CJK font when one is installed, silently without one."""
import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from matplotlib import colors  # noqa: E402

from cnnblocks import plotting  # noqa: E402


@pytest.fixture
def style():
    saved = dict(matplotlib.rcParams)
    plotting.use_course_style()
    yield
    matplotlib.rcParams.update(saved)
    plt.close("all")


def test_named_colours_and_cycle_are_okabe_ito(style):
    assert colors.to_hex("tab:red") == plotting.OKABE_ITO["vermillion"].lower()
    assert colors.to_hex("tab:green") == plotting.OKABE_ITO["bluish green"].lower()
    cycle = matplotlib.rcParams["axes.prop_cycle"].by_key()
    assert [c.upper() for c in cycle["color"]] == [c.upper() for c in plotting.PALETTE]
    assert len(set(map(str, cycle["linestyle"]))) == len(cycle["color"]), "each colour has its own line style"


def test_series_differ_without_colour(style):
    ax = plotting.curves({"a": [1, 2], "b": [2, 3], "c": [3, 1]}, "t", "epoch", "loss")
    lines = ax.get_lines()
    assert len({l.get_marker() for l in lines}) == 3 and len({str(l.get_linestyle()) for l in lines}) == 3
    ax = plotting.grouped_bar_chart(["x", "y"], {"params": [1, 2], "FLOPs": [3, 4]}, "t", "count")
    assert len({p.get_hatch() for p in ax.patches}) == 2, "each series has its own hatch"


def test_chinese_label_renders_without_missing_glyphs(style, tmp_path):
    if plotting.cjk_font() is None:
        pytest.skip("no CJK font installed (Debian: fonts-noto-cjk; CI installs it)")
    fig, ax = plt.subplots()
    ax.set_title("感受野与通道（receptive field）")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # matplotlib warns "Glyph ... missing from font(s)" otherwise
        fig.savefig(tmp_path / "zh.png")


def test_without_a_cjk_font_nothing_warns(monkeypatch):
    saved = dict(matplotlib.rcParams)
    monkeypatch.setattr(plotting, "CJK_FONTS", ["No Such CJK Font"])
    monkeypatch.setattr(plotting, "_CJK_FONT_FILES", [])
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            plotting.use_course_style()
            fig, ax = plt.subplots()
            ax.set_title("parameters (M)")
            fig.canvas.draw()
        assert matplotlib.rcParams["font.family"] == ["DejaVu Sans"]
    finally:
        matplotlib.rcParams.update(saved)
        plt.close("all")
