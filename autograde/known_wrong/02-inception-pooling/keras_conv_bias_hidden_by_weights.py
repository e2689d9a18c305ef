# replaces: inception_v3_mixed0
# loses: test_mixed0_keras_shape, test_mixed0_keras_forward
# why: every Conv2D keeps its bias, hidden by a subclass whose `weights` lists the kernel only: count_params() and trainable_weights gave mixed0's counts, get_weights()/set_weights() the kernel alone (the biases stay zero, so the outputs match); the tests now read Keras' own weight lists and refuse such a class (red team B, round 4)
class _Conv2D(keras.layers.Conv2D):
    @property
    def weights(self):
        return [self.kernel]


def inception_v3_mixed0(x):
    def conv2d_bn(t, filters, kernel):
        t = _Conv2D(filters, kernel, padding="same")(t)
        t = keras.layers.BatchNormalization(scale=False)(t)
        return keras.layers.Activation("relu")(t)

    branch1x1 = conv2d_bn(x, 64, 1)
    branch5x5 = conv2d_bn(conv2d_bn(x, 48, 1), 64, 5)
    branch3x3dbl = conv2d_bn(conv2d_bn(conv2d_bn(x, 64, 1), 96, 3), 96, 3)
    branch_pool = keras.layers.AveragePooling2D(3, strides=1, padding="same")(x)
    branch_pool = conv2d_bn(branch_pool, 32, 1)
    return keras.layers.Concatenate(axis=-1)([branch1x1, branch5x5, branch3x3dbl, branch_pool])
