# replaces: ghost_module_keras
# why: keras.ops for padding, ReLU, concatenation and slicing (no layers besides the four weighted ones)
def ghost_module_keras(x, out_channels, kernel_size=1, ratio=2, dw_size=3, strides=1, relu=True):
    init = math.ceil(out_channels / ratio)
    p = kernel_size // 2
    y = keras.ops.pad(x, [[0, 0], [p, p], [p, p], [0, 0]])
    y = keras.layers.Conv2D(init, kernel_size, strides=strides, use_bias=False)(y)
    y = keras.layers.BatchNormalization(epsilon=1e-5, momentum=0.9)(y)
    y = keras.ops.relu(y) if relu else y
    q = dw_size // 2
    g = keras.ops.pad(y, [[0, 0], [q, q], [q, q], [0, 0]])
    g = keras.layers.DepthwiseConv2D(dw_size, depth_multiplier=ratio - 1, use_bias=False)(g)
    g = keras.layers.BatchNormalization(epsilon=1e-5, momentum=0.9)(g)
    g = keras.ops.relu(g) if relu else g
    return keras.ops.concatenate([y, g], axis=-1)[:, :, :, :out_channels]
