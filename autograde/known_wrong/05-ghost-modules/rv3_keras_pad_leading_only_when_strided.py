# replaces: ghost_module_keras
# loses: test_keras_matches_torch, test_keras_training
# why: at a stride > 1 pads only top/left (what PyTorch's windows touch on an EVEN input at stride 2); odd inputs at stride 2 and stride 3 get the wrong rows
def ghost_module_keras(x, out_channels, kernel_size=1, ratio=2, dw_size=3, strides=1, relu=True):
    init = math.ceil(out_channels / ratio)
    sh, sw = (strides, strides) if isinstance(strides, int) else tuple(strides)
    p = kernel_size // 2
    pad = ((p, p if sh == 1 else 0), (p, p if sw == 1 else 0))
    h = keras.layers.ZeroPadding2D(pad)(x) if p else x
    h = keras.layers.Conv2D(init, kernel_size, strides=(sh, sw), padding="valid", use_bias=False)(h)
    h = keras.layers.BatchNormalization(epsilon=1e-5, momentum=0.9)(h)
    if relu:
        h = keras.layers.ReLU()(h)
    g = keras.layers.DepthwiseConv2D(dw_size, padding="same", depth_multiplier=ratio - 1, use_bias=False)(h)
    g = keras.layers.BatchNormalization(epsilon=1e-5, momentum=0.9)(g)
    if relu:
        g = keras.layers.ReLU()(g)
    return keras.layers.Concatenate()([h, g])[..., :out_channels]
