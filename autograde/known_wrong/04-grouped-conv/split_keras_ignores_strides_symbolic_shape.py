# replaces: grouped_conv_split_keras
# loses: test_split_keras_shapes
# why: ignores strides (every per-group Conv2D runs at stride 1) inside a layer whose compute_output_shape says the strided size: the test read the shape from the symbolic model.output (Keras asks compute_output_shape, never runs call); it now also checks the shape of an eager call (red team B, round 4)
class _Split(keras.layers.Layer):
    def __init__(self, filters, groups, kernel_size, strides):
        super().__init__()
        self.filters, self.groups, self.strides = filters, groups, strides
        self.convs = [keras.layers.Conv2D(filters // groups, kernel_size, padding="same", use_bias=False)
                      for _ in range(groups)]

    def build(self, shape):
        for conv in self.convs:
            conv.build((*shape[:-1], shape[-1] // self.groups))

    def call(self, x):
        pieces = keras.ops.split(x, self.groups, axis=-1)
        return keras.ops.concatenate([conv(p) for conv, p in zip(self.convs, pieces)], axis=-1)

    def compute_output_shape(self, shape):
        n, h, w, _ = shape
        return (n, None if h is None else -(-h // self.strides), None if w is None else -(-w // self.strides),
                self.filters)


def grouped_conv_split_keras(x, filters, groups, kernel_size=3, strides=1):
    return _Split(filters, groups, kernel_size, strides)(x)
