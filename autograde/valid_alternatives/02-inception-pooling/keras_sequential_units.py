# replaces: inception_v3_mixed0
# why: each conv2d_bn unit is a small keras.Sequential (nested layers), the pooling branch is built first, ReLU layers
def inception_v3_mixed0(x):
    def unit(filters, kernel):
        return keras.Sequential([
            keras.layers.Conv2D(filters, (kernel, kernel), padding="same", use_bias=False),
            keras.layers.BatchNormalization(axis=-1, scale=False, epsilon=1e-3),
            keras.layers.ReLU(),
        ])

    pool = unit(32, 1)(keras.layers.AveragePooling2D(pool_size=(3, 3), strides=(1, 1), padding="same")(x))
    one = unit(64, 1)(x)
    five = unit(64, 5)(unit(48, 1)(x))
    three = unit(96, 3)(unit(96, 3)(unit(64, 1)(x)))
    return keras.layers.concatenate([one, five, three, pool], axis=3)
