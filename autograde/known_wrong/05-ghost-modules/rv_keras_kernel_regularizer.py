# replaces: ghost_module_keras
# loses: test_keras_training
# why: copies the GhostNet TensorFlow code's habit of an L2 kernel_regularizer on both convolutions (4e-5): model.fit then minimises loss + weight decay, a different training from the PyTorch module it must match (no weight decay unless the optimiser adds it); the contract asks for no regularizer, and the hidden training test checks that model.losses is empty
def ghost_module_keras(x, out_channels: int, kernel_size: int = 1, ratio: int = 2, dw_size: int = 3,
                       strides: int | tuple[int, int] = 1, relu: bool = True):
    """Ghost module on an NHWC Keras tensor: (N, H, W, C) -> (N, ceil(H/stride_h), ceil(W/stride_w), out_channels)."""
    L = keras.layers
    decay = keras.regularizers.L2(4e-5)
    init = -(-out_channels // ratio)
    if kernel_size > 1:
        x = L.ZeroPadding2D(kernel_size // 2)(x)
    x1 = L.Conv2D(init, kernel_size, strides=strides, use_bias=False, kernel_regularizer=decay)(x)
    x1 = L.BatchNormalization(epsilon=1e-5, momentum=0.9)(x1)
    if relu:
        x1 = L.ReLU()(x1)
    x2 = L.DepthwiseConv2D(dw_size, padding="same", depth_multiplier=ratio - 1, use_bias=False,
                           depthwise_regularizer=decay)(x1)
    x2 = L.BatchNormalization(epsilon=1e-5, momentum=0.9)(x2)
    if relu:
        x2 = L.ReLU()(x2)
    return L.Concatenate(axis=-1)([x1, x2])[..., :out_channels]
