# replaces: ghost_module_keras
# loses: test_keras_shapes, test_keras_matches_torch, test_keras_training
# why: the extra learnable scale of rv4_keras_extra_scale, hidden by overriding the layer's `weights` property (what Model.count_params() and Model.trainable_weights read): the tests read Keras' own variable lists and refuse a layer class that answers for them (so the layer listing of the matching test refuses it too)
class _GhostWithScale(keras.layers.Layer):
    @property
    def weights(self):   # hides the scale from count_params(), trainable_weights, get_weights()
        return [w for w in super().weights if w is not getattr(self, 'scale', None)]

    def __init__(self, out_channels, kernel_size, ratio, dw_size, strides, relu, **kwargs):
        super().__init__(**kwargs)
        init = math.ceil(out_channels / ratio)
        self.out_channels, self.use_relu = out_channels, relu
        self.pad = keras.layers.ZeroPadding2D(kernel_size // 2)
        self.primary = keras.layers.Conv2D(init, kernel_size, strides=strides, padding="valid", use_bias=False)
        self.bn1 = keras.layers.BatchNormalization(epsilon=1e-5, momentum=0.9)
        self.cheap = keras.layers.DepthwiseConv2D(dw_size, padding="same", depth_multiplier=ratio - 1, use_bias=False)
        self.bn2 = keras.layers.BatchNormalization(epsilon=1e-5, momentum=0.9)

    def build(self, input_shape):
        self.scale = self.add_weight(shape=(self.out_channels,), initializer="ones", name="scale")

    def call(self, x, training=None):
        y = self.bn1(self.primary(self.pad(x)), training=training)
        if self.use_relu:
            y = keras.ops.relu(y)
        z = self.bn2(self.cheap(y), training=training)
        if self.use_relu:
            z = keras.ops.relu(z)
        return keras.ops.concatenate([y, z], axis=-1)[..., :self.out_channels] * self.scale


def ghost_module_keras(x, out_channels, kernel_size=1, ratio=2, dw_size=3, strides=1, relu=True):
    return _GhostWithScale(out_channels, kernel_size, ratio, dw_size, strides, relu)(x)
