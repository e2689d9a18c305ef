# replaces: ghost_module_keras
# loses: test_keras_shapes, test_keras_matches_torch, test_keras_training
# why: reads a strides pair as (width, height)
def ghost_module_keras(x, out_channels, kernel_size=1, ratio=2, dw_size=3, strides=1, relu=True):
    init = math.ceil(out_channels / ratio)
    sh, sw = (strides, strides) if isinstance(strides, int) else (strides[1], strides[0])
    p = kernel_size // 2
    h = keras.layers.ZeroPadding2D(p)(x) if p else x
    h = keras.layers.Conv2D(init, kernel_size, strides=(sh, sw), padding="valid", use_bias=False)(h)
    h = keras.layers.BatchNormalization(epsilon=1e-5, momentum=0.9)(h)
    if relu:
        h = keras.layers.ReLU()(h)
    g = keras.layers.DepthwiseConv2D(dw_size, padding="same", depth_multiplier=ratio - 1, use_bias=False)(h)
    g = keras.layers.BatchNormalization(epsilon=1e-5, momentum=0.9)(g)
    if relu:
        g = keras.layers.ReLU()(g)
    return keras.layers.Concatenate()([h, g])[..., :out_channels]
