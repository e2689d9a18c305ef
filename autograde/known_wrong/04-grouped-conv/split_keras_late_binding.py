# replaces: grouped_conv_split_keras
# loses: test_split_keras_connectivity
# why: the seed's Lambda(lambda z: z[..., c*w:(c+1)*w]) binds c late, so when the model runs every group reads the last slice
def grouped_conv_split_keras(x, filters, groups, kernel_size=3, strides=1):
    width = x.shape[-1] // groups
    outputs = []
    for c in range(groups):
        group = keras.layers.Lambda(lambda z: z[..., c * width:(c + 1) * width])(x)
        outputs.append(keras.layers.Conv2D(filters // groups, kernel_size, strides=strides, padding="same",
                                           use_bias=False)(group))
    return keras.layers.Concatenate()(outputs)
