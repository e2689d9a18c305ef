# replaces: inception_v3_mixed0
# loses: test_mixed0_keras_shape, test_mixed0_keras_forward
# why: reads 'v1' into the block and gives the 3x3 branch a single 3x3 conv instead of two
def inception_v3_mixed0(x):
    def conv2d_bn(t, filters, kernel):
        t = keras.layers.Conv2D(filters, kernel, padding="same", use_bias=False)(t)
        t = keras.layers.BatchNormalization(scale=False)(t)
        return keras.layers.Activation("relu")(t)

    branch1x1 = conv2d_bn(x, 64, 1)
    branch5x5 = conv2d_bn(conv2d_bn(x, 48, 1), 64, 5)
    branch3x3dbl = conv2d_bn(conv2d_bn(x, 64, 1), 96, 3)
    branch_pool = keras.layers.AveragePooling2D(3, strides=1, padding="same")(x)
    branch_pool = conv2d_bn(branch_pool, 32, 1)
    return keras.layers.Concatenate(axis=-1)([branch1x1, branch5x5, branch3x3dbl, branch_pool])
