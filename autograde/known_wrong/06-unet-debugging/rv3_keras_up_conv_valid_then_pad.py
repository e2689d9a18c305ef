# replaces: unet_keras
# loses: test_keras_values
# why: UpSampling2D + Conv2D(F, 2) without padding, then ZeroPadding2D on the bottom/right to get the size back (a shifted map, same parameters)
def unet_keras(input_shape, num_classes, base_filters=64, depth=4):
    height, width = input_shape[0], input_shape[1]
    multiple = 2 ** depth
    if height % multiple or width % multiple:
        raise ValueError(f"input {height}x{width} is not a multiple of {multiple}")
    L = keras.layers

    def conv(x, filters, kernel=3):
        return L.Conv2D(filters, kernel, activation="relu", padding="same")(x)

    inputs = keras.Input(input_shape)
    x, skips = inputs, []
    for level in range(depth):
        x = conv(conv(x, base_filters * 2 ** level), base_filters * 2 ** level)
        skips.append(x)
        x = L.MaxPooling2D(2)(x)
    x = conv(conv(x, base_filters * 2 ** depth), base_filters * 2 ** depth)
    for level in reversed(range(depth)):
        filters = base_filters * 2 ** level
        up = L.Conv2D(filters, 2)(L.UpSampling2D(2)(x))
        up = L.ZeroPadding2D(((0, 1), (0, 1)))(up)
        x = conv(conv(L.Concatenate()([skips[level], up]), filters), filters)
    outputs = L.Conv2D(num_classes, 1, activation="sigmoid" if num_classes == 1 else "softmax")(x)
    return keras.Model(inputs, outputs)
