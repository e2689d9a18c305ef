# replaces: grouped_conv_split_keras
# why: tf.split inside one Lambda (no per-group closure at all)
def grouped_conv_split_keras(x, filters, groups, kernel_size=3, strides=1):
    pieces = keras.layers.Lambda(lambda z: tf.split(z, groups, axis=-1))(x)
    outputs = []
    for piece in pieces:
        conv = keras.layers.Conv2D(filters // groups, kernel_size, strides, padding="same", use_bias=False)
        outputs.append(conv(piece))
    return keras.layers.Concatenate()(outputs)
