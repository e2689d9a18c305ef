# replaces: grouped_conv_split_keras
# loses: test_split_keras_shapes
# why: one Conv2D(groups=groups) (not the per-group layers the exercise asks for) inside a layer whose `layers` lists four untracked per-group Conv2D: the test read their kernel shapes through `layers` and the real count through count_params(); the test now reads Keras' own layer lists and refuses a class that defines `layers` (red team B, round 4)
_SHOWN = {}


class _Grouped(keras.layers.Layer):
    def __init__(self, filters, groups, kernel_size, strides, c_in):
        super().__init__()
        self.conv = keras.layers.Conv2D(filters, kernel_size, strides=strides, padding="same", groups=groups,
                                        use_bias=False)
        shown = [keras.layers.Conv2D(filters // groups, kernel_size, use_bias=False) for _ in range(groups)]
        for conv in shown:
            conv.build((None, None, None, c_in // groups))
        _SHOWN[id(self)] = shown

    @property
    def layers(self):
        return _SHOWN[id(self)]

    def call(self, x):
        return self.conv(x)


def grouped_conv_split_keras(x, filters, groups, kernel_size=3, strides=1):
    return _Grouped(filters, groups, kernel_size, strides, x.shape[-1])(x)
