# replaces: ghost_module_keras
# loses: test_keras_training
# why: a stride-1 'same' Conv2D subsampled afterwards: the same numbers, stride**2 times the primary conv's FLOPs
def ghost_module_keras(x, out_channels, kernel_size=1, ratio=2, dw_size=3, strides=1, relu=True):
    sh, sw = (strides, strides) if isinstance(strides, int) else strides
    init = math.ceil(out_channels / ratio)
    x1 = keras.layers.Conv2D(init, kernel_size, padding="same", use_bias=False)(x)[:, ::sh, ::sw]
    x1 = keras.layers.BatchNormalization(epsilon=1e-5, momentum=0.9)(x1)
    if relu:
        x1 = keras.layers.ReLU()(x1)
    x2 = keras.layers.DepthwiseConv2D(dw_size, padding="same", depth_multiplier=ratio - 1, use_bias=False)(x1)
    x2 = keras.layers.BatchNormalization(epsilon=1e-5, momentum=0.9)(x2)
    if relu:
        x2 = keras.layers.ReLU()(x2)
    return keras.layers.Concatenate()([x1, x2])[..., :out_channels]
