# replaces: ghost_module_keras
# why: passes training=False when calling BatchNormalization on Keras tensors: Keras 3 ignores an argument recorded in a functional graph when the model is called with training=True (checked: moving statistics update), so this behaves like the reference
def ghost_module_keras(x, out_channels, kernel_size=1, ratio=2, dw_size=3, strides=1, relu=True):
    init = math.ceil(out_channels / ratio)
    sh, sw = (strides, strides) if isinstance(strides, int) else tuple(strides)
    
    p = kernel_size // 2
    y = keras.layers.ZeroPadding2D(p)(x) if p else x
    y = keras.layers.Conv2D(init, kernel_size, strides=(sh, sw), padding="valid", use_bias=False)(y)
    y = keras.layers.BatchNormalization(epsilon=1e-5, momentum=0.9)(y, training=False)
    if relu:
        y = keras.layers.ReLU()(y)
    g = keras.layers.DepthwiseConv2D(dw_size, padding="same", depth_multiplier=ratio - 1, use_bias=False)(y)
    g = keras.layers.BatchNormalization(epsilon=1e-5, momentum=0.9)(g, training=False)
    if relu:
        g = keras.layers.ReLU()(g)
    return keras.layers.Concatenate(axis=-1)([y, g])[..., :out_channels]
