# replaces: inception_v3_mixed0
# why: conv with activation applied by keras.ops after BN, and keras.ops.concatenate on the last axis
def inception_v3_mixed0(x):
    def conv2d_bn(t, filters, kernel):
        t = keras.layers.Conv2D(filters, kernel, padding="same", use_bias=False)(t)
        return keras.ops.relu(keras.layers.BatchNormalization(scale=False)(t))

    branches = [
        conv2d_bn(x, 64, 1),
        conv2d_bn(conv2d_bn(x, 48, 1), 64, 5),
        conv2d_bn(conv2d_bn(conv2d_bn(x, 64, 1), 96, 3), 96, 3),
        conv2d_bn(keras.layers.AveragePooling2D(3, 1, "same")(x), 32, 1),
    ]
    return keras.ops.concatenate(branches, axis=-1)
