# replaces: grouped_conv_split_keras
# loses: test_split_keras_connectivity
# why: concatenates the per-group outputs in the wrong (reversed) order
def grouped_conv_split_keras(x, filters, groups, kernel_size=3, strides=1):
    pieces = keras.ops.split(x, groups, axis=-1)
    outputs = [keras.layers.Conv2D(filters // groups, kernel_size, strides=strides, padding="same",
                                   use_bias=False)(p) for p in pieces]
    return keras.layers.Concatenate()(outputs[::-1])
