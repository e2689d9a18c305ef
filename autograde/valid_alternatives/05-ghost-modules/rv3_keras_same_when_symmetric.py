# replaces: ghost_module_keras
# why: uses padding="same" wherever Keras would pad symmetrically (total padding 2 * (k // 2) on both axes of the static input) and ZeroPadding2D + "valid" elsewhere
def ghost_module_keras(x, out_channels, kernel_size=1, ratio=2, dw_size=3, strides=1, relu=True):
    init = math.ceil(out_channels / ratio)
    sh, sw = (strides, strides) if isinstance(strides, int) else tuple(strides)
    p = kernel_size // 2

    def keras_total(size, stride):
        if size is None:
            return None
        out = -(-size // stride)
        return max((out - 1) * stride + kernel_size - size, 0)

    if all(keras_total(size, s) == 2 * p for size, s in ((x.shape[1], sh), (x.shape[2], sw))):
        h = keras.layers.Conv2D(init, kernel_size, strides=(sh, sw), padding="same", use_bias=False)(x)
    else:
        h = keras.layers.ZeroPadding2D(p)(x)
        h = keras.layers.Conv2D(init, kernel_size, strides=(sh, sw), padding="valid", use_bias=False)(h)
    h = keras.layers.BatchNormalization(epsilon=1e-5, momentum=0.9)(h)
    if relu:
        h = keras.layers.Activation("relu")(h)
    g = keras.layers.DepthwiseConv2D(dw_size, padding="same", depth_multiplier=ratio - 1, use_bias=False)(h)
    g = keras.layers.BatchNormalization(epsilon=1e-5, momentum=0.9)(g)
    if relu:
        g = keras.layers.Activation("relu")(g)
    return keras.layers.Concatenate(axis=-1)([h, g])[:, :, :, :out_channels]
