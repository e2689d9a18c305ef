# replaces: ghost_module_keras
# why: nested keras.Sequential blocks; 'same' padding when every stride is 1, ZeroPadding2D + 'valid' otherwise; strides as a list
def ghost_module_keras(x, out_channels, kernel_size=1, ratio=2, dw_size=3, strides=1, relu=True):
    s = [strides, strides] if isinstance(strides, int) else list(strides)
    init = -(-out_channels // ratio)
    if s == [1, 1]:
        head = [keras.layers.Conv2D(init, kernel_size, strides=s, padding="same", use_bias=False)]
    else:
        head = [keras.layers.ZeroPadding2D(kernel_size // 2),
                keras.layers.Conv2D(init, kernel_size, strides=s, padding="valid", use_bias=False)]
    tail = [keras.layers.Activation("relu")] if relu else []
    primary = keras.Sequential(head + [keras.layers.BatchNormalization(momentum=0.9, epsilon=1e-5)] + tail)
    cheap = keras.Sequential([keras.layers.DepthwiseConv2D(dw_size, padding="same", depth_multiplier=ratio - 1,
                                                           use_bias=False),
                              keras.layers.BatchNormalization(momentum=0.9, epsilon=1e-5)] + list(
        [keras.layers.Activation("relu")] if relu else []))
    a = primary(x)
    return keras.layers.Concatenate()([a, cheap(a)])[:, :, :, :out_channels]
