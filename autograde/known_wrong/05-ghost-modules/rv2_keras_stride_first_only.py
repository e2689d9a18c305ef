# replaces: ghost_module_keras
# loses: test_keras_shapes, test_keras_matches_torch, test_keras_training
# why: uses strides[0] for both directions when given a pair
def ghost_module_keras(x, out_channels, kernel_size=1, ratio=2, dw_size=3, strides=1, relu=True):
    init = math.ceil(out_channels / ratio)
    sh, sw = (strides, strides) if isinstance(strides, int) else tuple(strides)
    sw = sh
    p = kernel_size // 2
    y = keras.layers.ZeroPadding2D(p)(x) if p else x
    y = keras.layers.Conv2D(init, kernel_size, strides=sh, padding="valid", use_bias=False)(y)
    y = keras.layers.BatchNormalization(epsilon=1e-5, momentum=0.9)(y)
    if relu:
        y = keras.layers.ReLU()(y)
    g = keras.layers.DepthwiseConv2D(dw_size, padding="same", depth_multiplier=ratio - 1, use_bias=False)(y)
    g = keras.layers.BatchNormalization(epsilon=1e-5, momentum=0.9)(g)
    if relu:
        g = keras.layers.ReLU()(g)
    return keras.layers.Concatenate(axis=-1)([y, g])[..., :out_channels]
