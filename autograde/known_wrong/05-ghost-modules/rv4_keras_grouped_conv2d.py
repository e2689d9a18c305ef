# replaces: ghost_module_keras
# loses: test_keras_shapes, test_keras_matches_torch, test_keras_training
# why: the cheap operation as Conv2D(new, dw, groups=init) instead of the DepthwiseConv2D the contract names
def ghost_module_keras(x, out_channels, kernel_size=1, ratio=2, dw_size=3, strides=1, relu=True):
    init = math.ceil(out_channels / ratio)
    new = init * (ratio - 1)
    y = keras.layers.ZeroPadding2D(kernel_size // 2)(x) if kernel_size > 1 else x
    y = keras.layers.Conv2D(init, kernel_size, strides=strides, padding="valid", use_bias=False)(y)
    y = keras.layers.BatchNormalization(epsilon=1e-5, momentum=0.9)(y)
    if relu:
        y = keras.layers.ReLU()(y)
    z = keras.layers.Conv2D(new, dw_size, padding="same", groups=init, use_bias=False)(y)
    z = keras.layers.BatchNormalization(epsilon=1e-5, momentum=0.9)(z)
    if relu:
        z = keras.layers.ReLU()(z)
    return keras.layers.Concatenate()([y, z])[..., :out_channels]
