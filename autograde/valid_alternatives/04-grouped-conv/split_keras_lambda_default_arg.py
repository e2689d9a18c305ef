# replaces: grouped_conv_split_keras
# why: the seed's Lambda slices with the loop variable bound as a default argument (c=c)
def grouped_conv_split_keras(x, filters, groups, kernel_size=3, strides=1):
    width = x.shape[-1] // groups
    outputs = []
    for c in range(groups):
        group = keras.layers.Lambda(lambda z, c=c: z[..., c * width:(c + 1) * width])(x)
        outputs.append(keras.layers.Conv2D(filters // groups, kernel_size, strides=strides, padding="same",
                                           use_bias=False)(group))
    return keras.layers.Concatenate(axis=-1)(outputs)
