# replaces: ghost_module_keras
# loses: test_keras_matches_torch, test_keras_training
# why: the DepthwiseConv2D reads the primary BN output before the ReLU
def ghost_module_keras(x, out_channels, kernel_size=1, ratio=2, dw_size=3, strides=1, relu=True):
    init = math.ceil(out_channels / ratio)
    sh, sw = (strides, strides) if isinstance(strides, int) else tuple(strides)
    p = kernel_size // 2
    h = keras.layers.ZeroPadding2D(p)(x) if p else x
    h = keras.layers.Conv2D(init, kernel_size, strides=(sh, sw), padding="valid", use_bias=False)(h)
    b = keras.layers.BatchNormalization(epsilon=1e-5, momentum=0.9)(h)
    h = keras.layers.ReLU()(b) if relu else b
    g = keras.layers.DepthwiseConv2D(dw_size, padding="same", depth_multiplier=ratio - 1, use_bias=False)(b)
    g = keras.layers.BatchNormalization(epsilon=1e-5, momentum=0.9)(g)
    if relu:
        g = keras.layers.ReLU()(g)
    return keras.layers.Concatenate()([h, g])[..., :out_channels]
