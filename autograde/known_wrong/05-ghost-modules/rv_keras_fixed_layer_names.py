# replaces: ghost_module_keras
# loses: test_keras_shapes
# why: gives every layer a fixed name ("ghost_primary", ...): the function works once per model but a network with two Ghost modules cannot be built (Keras: layer names must be unique), so it is not a usable module; the hidden shapes test stacks two Ghost modules
def ghost_module_keras(x, out_channels: int, kernel_size: int = 1, ratio: int = 2, dw_size: int = 3,
                       strides: int | tuple[int, int] = 1, relu: bool = True):
    """Ghost module on an NHWC Keras tensor: (N, H, W, C) -> (N, ceil(H/stride_h), ceil(W/stride_w), out_channels)."""
    L = keras.layers
    init = -(-out_channels // ratio)
    if kernel_size > 1:
        x = L.ZeroPadding2D(kernel_size // 2, name="ghost_pad")(x)
    x1 = L.Conv2D(init, kernel_size, strides=strides, use_bias=False, name="ghost_primary")(x)
    x1 = L.BatchNormalization(epsilon=1e-5, momentum=0.9, name="ghost_primary_bn")(x1)
    if relu:
        x1 = L.ReLU(name="ghost_primary_relu")(x1)
    x2 = L.DepthwiseConv2D(dw_size, padding="same", depth_multiplier=ratio - 1, use_bias=False, name="ghost_cheap")(x1)
    x2 = L.BatchNormalization(epsilon=1e-5, momentum=0.9, name="ghost_cheap_bn")(x2)
    if relu:
        x2 = L.ReLU(name="ghost_cheap_relu")(x2)
    return L.Concatenate(axis=-1, name="ghost_concat")([x1, x2])[..., :out_channels]
