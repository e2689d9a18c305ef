# replaces: ghost_module_keras
# loses: test_keras_matches_torch
# why: uses Keras 'same' padding unless a stride equals 2 (section 7's example), and ZeroPadding2D(k // 2) + 'valid' only then; at stride 3 'same' pads (ceil(n/3) - 1) * 3 + k - n pixels in all, which equals PyTorch's k // 2 on the top/left only when n = 1 (mod 3): for strides=3, kernel_size=3 on a 9x9 input Keras pads nothing where PyTorch pads one pixel, and the outputs differ. The contract asks for PyTorch's outputs for any int or pair stride; the hidden test has a 9x9 input at stride 3
def ghost_module_keras(x, out_channels: int, kernel_size: int = 1, ratio: int = 2, dw_size: int = 3,
                       strides: int | tuple[int, int] = 1, relu: bool = True):
    """Ghost module on an NHWC Keras tensor: (N, H, W, C) -> (N, ceil(H/stride_h), ceil(W/stride_w), out_channels)."""
    L = keras.layers
    pair = (strides, strides) if isinstance(strides, int) else tuple(strides)
    init = -(-out_channels // ratio)
    if 2 in pair and kernel_size > 1:
        # 'same' puts the odd pixel at the bottom/right at stride 2: pad like PyTorch instead
        x = L.ZeroPadding2D(kernel_size // 2)(x)
        x1 = L.Conv2D(init, kernel_size, strides=strides, padding="valid", use_bias=False)(x)
    else:
        x1 = L.Conv2D(init, kernel_size, strides=strides, padding="same", use_bias=False)(x)
    x1 = L.BatchNormalization(epsilon=1e-5, momentum=0.9)(x1)
    if relu:
        x1 = L.ReLU()(x1)
    x2 = L.DepthwiseConv2D(dw_size, padding="same", depth_multiplier=ratio - 1, use_bias=False)(x1)
    x2 = L.BatchNormalization(epsilon=1e-5, momentum=0.9)(x2)
    if relu:
        x2 = L.ReLU()(x2)
    return L.Concatenate(axis=-1)([x1, x2])[..., :out_channels]
