# replaces: ghost_module_keras
# why: explicit ZeroPadding2D + 'valid' for BOTH convolutions (primary: kernel_size // 2 on each side, cheap: dw_size // 2), strides normalised to a pair, activations as Activation('relu'), concatenation and slice with keras.ops
def ghost_module_keras(x, out_channels: int, kernel_size: int = 1, ratio: int = 2, dw_size: int = 3,
                       strides: int | tuple[int, int] = 1, relu: bool = True):
    """Ghost module on an NHWC Keras tensor: (N, H, W, C) -> (N, ceil(H/stride_h), ceil(W/stride_w), out_channels)."""
    from keras import layers as kl, ops
    sh, sw = (strides, strides) if isinstance(strides, int) else strides
    n_intrinsic = (out_channels + ratio - 1) // ratio

    def padded(t, size):
        return kl.ZeroPadding2D(((size // 2, size // 2), (size // 2, size // 2)))(t) if size > 1 else t

    a = kl.Conv2D(n_intrinsic, (kernel_size, kernel_size), strides=(sh, sw), padding="valid", use_bias=False)(padded(x, kernel_size))
    a = kl.BatchNormalization(axis=-1, epsilon=1e-5, momentum=0.9)(a)
    if relu:
        a = kl.Activation("relu")(a)
    b = kl.DepthwiseConv2D((dw_size, dw_size), padding="valid", depth_multiplier=ratio - 1, use_bias=False)(padded(a, dw_size))
    b = kl.BatchNormalization(axis=-1, epsilon=1e-5, momentum=0.9)(b)
    if relu:
        b = kl.Activation("relu")(b)
    both = ops.concatenate([a, b], axis=-1)
    return both[:, :, :, :out_channels]
