# replaces: ghost_module_keras
# why: padding='same' where it equals PyTorch's k//2 (stride 1 or kernel 1), ZeroPadding2D + 'valid' otherwise; Activation('relu'), Lambda slice
def ghost_module_keras(x, out_channels, kernel_size=1, ratio=2, dw_size=3, strides=1, relu=True):
    init = math.ceil(out_channels / ratio)
    pair = (strides, strides) if isinstance(strides, int) else tuple(strides)
    if kernel_size == 1 or pair == (1, 1):
        y = keras.layers.Conv2D(init, kernel_size, strides=pair, padding="same", use_bias=False)(x)
    else:
        y = keras.layers.ZeroPadding2D(((kernel_size // 2,) * 2, (kernel_size // 2,) * 2))(x)
        y = keras.layers.Conv2D(init, kernel_size, strides=pair, padding="valid", use_bias=False)(y)
    y = keras.layers.BatchNormalization(epsilon=1e-5, momentum=0.9)(y)
    if relu:
        y = keras.layers.Activation("relu")(y)
    z = keras.layers.DepthwiseConv2D(dw_size, padding="same", depth_multiplier=ratio - 1, use_bias=False)(y)
    z = keras.layers.BatchNormalization(epsilon=1e-5, momentum=0.9)(z)
    if relu:
        z = keras.layers.Activation("relu")(z)
    both = keras.layers.Concatenate(axis=-1)([y, z])
    return keras.layers.Lambda(lambda t: t[..., :out_channels])(both)
