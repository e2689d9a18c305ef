# replaces: ghost_module_keras
# why: a keras.layers.Layer subclass holding the sublayers (created in the contract's order), called on x; 'same' padding
#      where it agrees with PyTorch (stride 1 in both directions), explicit padding otherwise
class _GhostLayer(keras.layers.Layer):
    def __init__(self, out_channels, kernel_size, ratio, dw_size, strides, relu, **kwargs):
        super().__init__(**kwargs)
        self.out_channels, self.relu = out_channels, relu
        init = math.ceil(out_channels / ratio)
        pair = (strides, strides) if isinstance(strides, int) else tuple(strides)
        explicit = max(pair) > 1 and kernel_size > 1
        self.pad = keras.layers.ZeroPadding2D(kernel_size // 2) if explicit else None
        self.conv = keras.layers.Conv2D(init, kernel_size, strides=strides, padding="valid" if explicit else "same",
                                        use_bias=False)
        self.bn1 = keras.layers.BatchNormalization(epsilon=1e-5, momentum=0.9)
        self.dw = keras.layers.DepthwiseConv2D(dw_size, padding="same", depth_multiplier=ratio - 1, use_bias=False)
        self.bn2 = keras.layers.BatchNormalization(epsilon=1e-5, momentum=0.9)

    def call(self, inputs, training=None):
        x = self.pad(inputs) if self.pad is not None else inputs
        x1 = self.bn1(self.conv(x), training=training)
        if self.relu:
            x1 = keras.ops.relu(x1)
        x2 = self.bn2(self.dw(x1), training=training)
        if self.relu:
            x2 = keras.ops.relu(x2)
        return keras.ops.concatenate([x1, x2], axis=-1)[..., :self.out_channels]


def ghost_module_keras(x, out_channels, kernel_size=1, ratio=2, dw_size=3, strides=1, relu=True):
    return _GhostLayer(out_channels, kernel_size, ratio, dw_size, strides, relu)(x)
