# replaces: ghost_module_keras
# loses: test_keras_matches_torch
# why: explicit ZeroPadding2D + 'valid' only when the stride is 2 (the case section 7 shows); 'same' otherwise, wrong at stride 3
def ghost_module_keras(x, out_channels, kernel_size=1, ratio=2, dw_size=3, strides=1, relu=True):
    init = math.ceil(out_channels / ratio)
    pair = (strides, strides) if isinstance(strides, int) else tuple(strides)
    if 2 in pair and kernel_size > 1:
        y = keras.layers.ZeroPadding2D(kernel_size // 2)(x)
        y = keras.layers.Conv2D(init, kernel_size, strides=strides, padding="valid", use_bias=False)(y)
    else:
        y = keras.layers.Conv2D(init, kernel_size, strides=strides, padding="same", use_bias=False)(x)
    y = keras.layers.BatchNormalization(epsilon=1e-5, momentum=0.9)(y)
    if relu:
        y = keras.layers.ReLU()(y)
    z = keras.layers.DepthwiseConv2D(dw_size, padding="same", depth_multiplier=ratio - 1, use_bias=False)(y)
    z = keras.layers.BatchNormalization(epsilon=1e-5, momentum=0.9)(z)
    if relu:
        z = keras.layers.ReLU()(z)
    return keras.layers.Concatenate()([y, z])[..., :out_channels]
