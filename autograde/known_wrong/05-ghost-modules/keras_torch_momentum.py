# replaces: ghost_module_keras
# loses: test_keras_training
# why: BatchNormalization(momentum=0.1), PyTorch's number: Keras' momentum is the weight of the OLD statistics (0.9 here)
def ghost_module_keras(x, out_channels, kernel_size=1, ratio=2, dw_size=3, strides=1, relu=True):
    sh, sw = (strides, strides) if isinstance(strides, int) else strides
    init = math.ceil(out_channels / ratio)
    if kernel_size > 1:
        x = keras.layers.ZeroPadding2D(kernel_size // 2)(x)
    x1 = keras.layers.Conv2D(init, kernel_size, strides=(sh, sw), use_bias=False)(x)
    x1 = keras.layers.BatchNormalization(epsilon=1e-5, momentum=0.1)(x1)
    if relu:
        x1 = keras.layers.ReLU()(x1)
    x2 = keras.layers.DepthwiseConv2D(dw_size, padding="same", depth_multiplier=ratio - 1, use_bias=False)(x1)
    x2 = keras.layers.BatchNormalization(epsilon=1e-5, momentum=0.1)(x2)
    if relu:
        x2 = keras.layers.ReLU()(x2)
    return keras.layers.Concatenate()([x1, x2])[..., :out_channels]
