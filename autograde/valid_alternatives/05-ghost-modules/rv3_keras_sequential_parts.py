# replaces: ghost_module_keras
# why: each part is a keras.Sequential (padding, conv, BN, optional ReLU) called on the functional tensor: nested models
def ghost_module_keras(x, out_channels, kernel_size=1, ratio=2, dw_size=3, strides=1, relu=True):
    init = math.ceil(out_channels / ratio)
    strides = (strides, strides) if isinstance(strides, int) else tuple(strides)
    bn = lambda: keras.layers.BatchNormalization(epsilon=1e-5, momentum=0.9)
    tail = [keras.layers.ReLU()] if relu else []
    primary = keras.Sequential([keras.layers.ZeroPadding2D(kernel_size // 2),
                                keras.layers.Conv2D(init, kernel_size, strides=strides, use_bias=False), bn()] + tail)
    tail = [keras.layers.ReLU()] if relu else []
    cheap = keras.Sequential([keras.layers.ZeroPadding2D(dw_size // 2),
                              keras.layers.DepthwiseConv2D(dw_size, depth_multiplier=ratio - 1, use_bias=False),
                              bn()] + tail)
    intrinsic = primary(x)
    both = keras.layers.Concatenate()([intrinsic, cheap(intrinsic)])
    return keras.layers.Lambda(lambda t: t[..., :out_channels])(both)
