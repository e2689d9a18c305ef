# replaces: unet_keras
# loses: test_keras_values
# why: Dropout(0.5) after the bottom level called with training=True, so it also drops at inference
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
    x = L.Dropout(0.5)(x, training=True)
    for level in reversed(range(depth)):
        filters = base_filters * 2 ** level
        up = L.Conv2DTranspose(filters, 2, strides=2)(x)
        x = conv(conv(L.Concatenate()([skips[level], up]), filters), filters)
    outputs = L.Conv2D(num_classes, 1, activation="sigmoid" if num_classes == 1 else "softmax")(x)
    return keras.Model(inputs, outputs)
