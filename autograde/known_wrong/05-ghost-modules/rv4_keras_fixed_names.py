# replaces: ghost_module_keras
# loses: test_keras_shapes
# why: gives its layers fixed names: one module builds, a second one in the same model clashes
def ghost_module_keras(x, out_channels, kernel_size=1, ratio=2, dw_size=3, strides=1, relu=True):
    init = math.ceil(out_channels / ratio)
    y = keras.layers.ZeroPadding2D(kernel_size // 2, name="ghost_pad")(x) if kernel_size > 1 else x
    y = keras.layers.Conv2D(init, kernel_size, strides=strides, padding="valid", use_bias=False, name="ghost_primary")(y)
    y = keras.layers.BatchNormalization(epsilon=1e-5, momentum=0.9, name="ghost_primary_bn")(y)
    if relu:
        y = keras.layers.ReLU(name="ghost_primary_relu")(y)
    z = keras.layers.DepthwiseConv2D(dw_size, padding="same", depth_multiplier=ratio - 1, use_bias=False,
                                     name="ghost_cheap")(y)
    z = keras.layers.BatchNormalization(epsilon=1e-5, momentum=0.9, name="ghost_cheap_bn")(z)
    if relu:
        z = keras.layers.ReLU(name="ghost_cheap_relu")(z)
    return keras.layers.Concatenate(name="ghost_concat")([y, z])[..., :out_channels]
