# replaces: ghost_module_keras
# loses: test_keras_shapes, test_keras_matches_torch, test_keras_training
# why: forgets the slice (returns s * ceil(out / s) channels) inside a layer of its own whose compute_output_spec claims out_channels: the functional model's symbolic output shape says what the layer claims, the real output does not
class _Ghost(keras.layers.Layer):
    def __init__(self, out_channels, kernel_size, ratio, dw_size, strides, relu, **kwargs):
        super().__init__(**kwargs)
        init = math.ceil(out_channels / ratio)
        self.out_channels, self.use_relu, self.k = out_channels, relu, kernel_size
        self.sh, self.sw = (strides, strides) if isinstance(strides, int) else tuple(strides)
        self.pad = keras.layers.ZeroPadding2D(kernel_size // 2)
        self.primary = keras.layers.Conv2D(init, kernel_size, strides=strides, padding="valid", use_bias=False)
        self.bn1 = keras.layers.BatchNormalization(epsilon=1e-5, momentum=0.9)
        self.cheap = keras.layers.DepthwiseConv2D(dw_size, padding="same", depth_multiplier=ratio - 1, use_bias=False)
        self.bn2 = keras.layers.BatchNormalization(epsilon=1e-5, momentum=0.9)

    def build(self, input_shape):
        self.call(keras.KerasTensor(input_shape))   # builds the sublayers: the functional model never traces call()

    def compute_output_spec(self, x, training=None):
        n, h, w, _ = x.shape
        out = (n, -(-h // self.sh) if h else h, -(-w // self.sw) if w else w, self.out_channels)
        return keras.KerasTensor(out, dtype=x.dtype)

    def call(self, x, training=None):
        y = self.bn1(self.primary(self.pad(x)), training=training)
        if self.use_relu:
            y = keras.ops.relu(y)
        z = self.bn2(self.cheap(y), training=training)
        if self.use_relu:
            z = keras.ops.relu(z)
        return keras.ops.concatenate([y, z], axis=-1)


def ghost_module_keras(x, out_channels, kernel_size=1, ratio=2, dw_size=3, strides=1, relu=True):
    return _Ghost(out_channels, kernel_size, ratio, dw_size, strides, relu)(x)
