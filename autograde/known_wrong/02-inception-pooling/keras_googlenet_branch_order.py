# replaces: inception_v3_mixed0
# loses: test_mixed0_keras_forward
# why: orders the branches like GoogLeNet (1x1, 3x3, 5x5, pool): the double-3x3 branch before the 5x5 one
def inception_v3_mixed0(x):
    def conv2d_bn(t, filters, kernel):
        t = keras.layers.Conv2D(filters, kernel, padding="same", use_bias=False)(t)
        t = keras.layers.BatchNormalization(scale=False)(t)
        return keras.layers.Activation("relu")(t)

    branch1x1 = conv2d_bn(x, 64, 1)
    branch5x5 = conv2d_bn(conv2d_bn(x, 48, 1), 64, 5)
    branch3x3dbl = conv2d_bn(conv2d_bn(conv2d_bn(x, 64, 1), 96, 3), 96, 3)
    branch_pool = keras.layers.AveragePooling2D(3, strides=1, padding="same")(x)
    branch_pool = conv2d_bn(branch_pool, 32, 1)
    return keras.layers.Concatenate(axis=-1)([branch1x1, branch3x3dbl, branch5x5, branch_pool])
