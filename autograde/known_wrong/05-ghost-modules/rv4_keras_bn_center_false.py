# replaces: ghost_module_keras
# loses: test_keras_shapes, test_keras_matches_torch, test_keras_training
# why: BatchNormalization(center=False) on both parts: no beta, so the PyTorch BN bias has nowhere to go
def ghost_module_keras(x, out_channels, kernel_size=1, ratio=2, dw_size=3, strides=1, relu=True):
    init = math.ceil(out_channels / ratio)
    y = keras.layers.ZeroPadding2D(kernel_size // 2)(x) if kernel_size > 1 else x
    y = keras.layers.Conv2D(init, kernel_size, strides=strides, padding="valid", use_bias=False)(y)
    y = keras.layers.BatchNormalization(epsilon=1e-5, momentum=0.9, center=False)(y)
    if relu:
        y = keras.layers.ReLU()(y)
    z = keras.layers.DepthwiseConv2D(dw_size, padding="same", depth_multiplier=ratio - 1, use_bias=False)(y)
    z = keras.layers.BatchNormalization(epsilon=1e-5, momentum=0.9, center=False)(z)
    if relu:
        z = keras.layers.ReLU()(z)
    return keras.layers.Concatenate()([y, z])[..., :out_channels]
