# replaces: grouped_conv_split_keras
# why: functools.partial binds the group index when the Lambda is created
import functools


def _take_group(z, index, width):
    return z[..., index * width:(index + 1) * width]


def grouped_conv_split_keras(x, filters, groups, kernel_size=3, strides=1):
    width = x.shape[-1] // groups
    outputs = []
    for index in range(groups):
        group = keras.layers.Lambda(functools.partial(_take_group, index=index, width=width))(x)
        outputs.append(keras.layers.Conv2D(filters // groups, kernel_size, strides=strides, padding="same",
                                           use_bias=False)(group))
    return keras.layers.Concatenate()(outputs)
