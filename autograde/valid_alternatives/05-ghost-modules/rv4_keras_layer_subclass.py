# replaces: ghost_module_keras
# why: a keras.layers.Layer subclass owning its sublayers (explicit ZeroPadding2D + 'valid' for any kernel), called on x
class _Ghost(keras.layers.Layer):
    def __init__(self, out_channels, kernel_size, ratio, dw_size, strides, relu, **kwargs):
        super().__init__(**kwargs)
        init = math.ceil(out_channels / ratio)
        self.out_channels, self.relu = out_channels, relu
        self.pad = keras.layers.ZeroPadding2D(kernel_size // 2)
        self.primary = keras.layers.Conv2D(init, kernel_size, strides=strides, padding="valid", use_bias=False)
        self.bn1 = keras.layers.BatchNormalization(epsilon=1e-5, momentum=0.9)
        self.cheap = keras.layers.DepthwiseConv2D(dw_size, padding="same", depth_multiplier=ratio - 1, use_bias=False)
        self.bn2 = keras.layers.BatchNormalization(epsilon=1e-5, momentum=0.9)

    def call(self, x, training=None):
        y = self.bn1(self.primary(self.pad(x)), training=training)
        if self.relu:
            y = keras.ops.relu(y)
        z = self.bn2(self.cheap(y), training=training)
        if self.relu:
            z = keras.ops.relu(z)
        return keras.ops.concatenate([y, z], axis=-1)[..., :self.out_channels]


def ghost_module_keras(x, out_channels, kernel_size=1, ratio=2, dw_size=3, strides=1, relu=True):
    return _Ghost(out_channels, kernel_size, ratio, dw_size, strides, relu)(x)
