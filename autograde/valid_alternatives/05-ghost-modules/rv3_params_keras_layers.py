# replaces: ghost_module_params
# why: builds the two weighted Keras layers and asks count_params(), adding gamma and beta of each BatchNorm
def ghost_module_params(in_channels, out_channels, kernel_size=1, ratio=2, dw_size=3):
    init = math.ceil(out_channels / ratio)
    conv = keras.layers.Conv2D(init, kernel_size, use_bias=False)
    conv.build((None, None, None, in_channels))
    cheap = keras.layers.DepthwiseConv2D(dw_size, depth_multiplier=ratio - 1, use_bias=False)
    cheap.build((None, None, None, init))
    return int(conv.count_params() + cheap.count_params() + 2 * init + 2 * init * (ratio - 1))
