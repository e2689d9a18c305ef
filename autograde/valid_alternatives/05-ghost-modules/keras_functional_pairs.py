# replaces: ghost_module_keras
# why: normalises strides to a pair, pads explicitly only when a direction is strided, keras.ops.relu through Activation
def ghost_module_keras(x, out_channels, kernel_size=1, ratio=2, dw_size=3, strides=1, relu=True):
    stride_h, stride_w = (strides, strides) if isinstance(strides, int) else strides
    init = -(-out_channels // ratio)
    if kernel_size > 1 and (stride_h > 1 or stride_w > 1):
        x = keras.layers.ZeroPadding2D(((kernel_size // 2, kernel_size // 2), (kernel_size // 2, kernel_size // 2)))(x)
        padding = "valid"
    else:
        padding = "same"
    intrinsic = keras.layers.Conv2D(init, (kernel_size, kernel_size), strides=(stride_h, stride_w), padding=padding,
                                    use_bias=False)(x)
    intrinsic = keras.layers.BatchNormalization(axis=-1, momentum=0.9, epsilon=1e-5)(intrinsic)
    if relu:
        intrinsic = keras.layers.Activation(keras.ops.relu)(intrinsic)
    ghosts = keras.layers.DepthwiseConv2D((dw_size, dw_size), padding="same", depth_multiplier=ratio - 1,
                                          use_bias=False)(intrinsic)
    ghosts = keras.layers.BatchNormalization(axis=-1, momentum=0.9, epsilon=1e-5)(ghosts)
    if relu:
        ghosts = keras.layers.Activation(keras.ops.relu)(ghosts)
    return keras.layers.Concatenate(axis=-1)([intrinsic, ghosts])[:, :, :, :out_channels]
