# replaces: grouped_conv_split_keras
# loses: test_split_keras_shapes, test_split_keras_connectivity
# why: reads `groups` as the channels per group (the "groups=4 for 32x4d" confusion), so it makes C_in/groups groups
def grouped_conv_split_keras(x, filters, groups, kernel_size=3, strides=1):
    n_groups = x.shape[-1] // groups
    pieces = keras.ops.split(x, n_groups, axis=-1)
    outputs = [keras.layers.Conv2D(filters // n_groups, kernel_size, strides=strides, padding="same",
                                   use_bias=False)(p) for p in pieces]
    return keras.layers.Concatenate()(outputs)
