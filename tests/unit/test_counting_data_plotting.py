import matplotlib

matplotlib.use("Agg")

import numpy as np
import torch.nn as nn

from cnnblocks import counting, data, plotting


def test_torch_params_and_flops_of_a_conv():
    conv = nn.Conv2d(3, 8, 3, padding=1)
    assert counting.torch_params(conv) == 8 * 3 * 9 + 8
    import torch

    # 2 FLOPs per multiply-add, bias not counted by torch.utils.flop_counter.
    assert counting.torch_flops(conv, torch.zeros(1, 3, 5, 5)) == 2 * 8 * 3 * 9 * 25
    assert conv.training  # the mode is restored


def test_keras_flops_agree_with_torch_flops_and_count_what_runs():
    import os

    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    import keras
    import torch

    inp = keras.Input((8, 8, 4))
    y = keras.layers.Conv2D(6, 3, strides=2, padding="same", use_bias=False)(inp)
    y = keras.layers.DepthwiseConv2D(3, padding="same", depth_multiplier=2, use_bias=False)(y)
    y = keras.layers.Dense(5)(keras.layers.GlobalAveragePooling2D()(y))
    model = keras.Model(inp, y)
    torch_model = nn.Sequential(nn.Conv2d(4, 6, 3, stride=2, padding=1, bias=False),
                                nn.Conv2d(6, 12, 3, padding=1, groups=6, bias=False),
                                nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(12, 5))
    expected = counting.torch_flops(torch_model, torch.zeros(1, 4, 8, 8))
    assert expected == 2 * (6 * 4 * 9 * 16 + 12 * 9 * 16 + 12 * 5)
    assert counting.keras_flops(model, (1, 8, 8, 4)) == expected

    # a convolution run at stride 1 and subsampled afterwards costs 4 times more: the counter sees it
    inp = keras.Input((8, 8, 4))
    late = keras.Model(inp, keras.layers.Conv2D(6, 3, padding="same", use_bias=False)(inp)[:, ::2, ::2])
    assert late.output.shape[1:] == (4, 4, 6)
    assert counting.keras_flops(late, (1, 8, 8, 4)) == 2 * 6 * 4 * 9 * 64


def test_human_units():
    assert counting.human(1_234_567) == "1.23M"
    assert counting.human(950) == "950"
    assert counting.human(0.4367) == "0.437"


def test_digits_are_nchw_in_unit_range_and_stratified():
    x_tr, y_tr, x_te, y_te = data.digits()
    assert x_tr.shape[1:] == (1, 8, 8) and x_tr.dtype == np.float32
    assert len(x_tr) + len(x_te) == 1797
    assert 0.0 <= x_tr.min() and x_tr.max() <= 1.0
    assert set(np.unique(y_te)) == set(range(10))


def test_sample_image_is_square_hwc():
    img = data.sample_image("china.jpg", size=64)
    assert img.shape == (64, 64, 3) and img.dtype == np.float32
    assert 0.0 <= img.min() and img.max() <= 1.0
    assert data.sample_image("flower.jpg", size=None).shape == (427, 640, 3)


def test_plots_have_titles_and_labels():
    ax = plotting.bar_chart(["a", "b"], [1, 2000], title="T", ylabel="Y")
    assert ax.get_title() == "T" and ax.get_ylabel() == "Y"
    ax = plotting.heatmap(np.eye(3), title="H", xlabel="x", ylabel="y")
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("x", "y")
    ax = plotting.curves({"loss": [3, 2, 1]}, title="C", xlabel="epoch", ylabel="loss")
    assert ax.get_legend() is not None
    ax = plotting.grouped_bar_chart(["a"], {"p": [1], "q": [2]}, title="G", ylabel="n")
    assert len(ax.patches) == 2
    fig = plotting.feature_map_grid(np.random.default_rng(0).random((5, 4, 4)), title="F", ncols=3)
    assert fig._suptitle.get_text() == "F"
    matplotlib.pyplot.close("all")
