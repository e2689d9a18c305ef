# replaces: ghost_module_keras
# loses: test_keras_training
# why: a Layer subclass whose call() passes training=False to its BatchNormalization layers (the fine-tuning idiom): inside call() the argument is honoured, so training uses the moving statistics and never updates them
class _Ghost(keras.layers.Layer):
    def __init__(self, out_channels, kernel_size, ratio, dw_size, strides, relu, **kwargs):
        super().__init__(**kwargs)
        init = math.ceil(out_channels / ratio)
        self.out_channels, self.relu = out_channels, relu
        self.pad = keras.layers.ZeroPadding2D(kernel_size // 2)
        self.conv = keras.layers.Conv2D(init, kernel_size, strides=strides, use_bias=False)
        self.bn1 = keras.layers.BatchNormalization(epsilon=1e-5, momentum=0.9)
        self.dw = keras.layers.DepthwiseConv2D(dw_size, padding="same", depth_multiplier=ratio - 1, use_bias=False)
        self.bn2 = keras.layers.BatchNormalization(epsilon=1e-5, momentum=0.9)

    def call(self, x, training=None):
        a = self.bn1(self.conv(self.pad(x)), training=False)
        a = keras.ops.relu(a) if self.relu else a
        g = self.bn2(self.dw(a), training=False)
        g = keras.ops.relu(g) if self.relu else g
        return keras.ops.concatenate([a, g], axis=-1)[..., :self.out_channels]


def ghost_module_keras(x, out_channels, kernel_size=1, ratio=2, dw_size=3, strides=1, relu=True):
    return _Ghost(out_channels, kernel_size, ratio, dw_size, strides, relu)(x)
