# replaces: unet_keras
# loses: test_keras_size_check
# why: builds the whole model first, then raises (the contract asks for the check before building anything)
def unet_keras(input_shape, num_classes: int, base_filters: int = 64, depth: int = 4) -> keras.Model:
    height, width = int(input_shape[0]), int(input_shape[1])
    multiple = 2 ** depth
    L = keras.layers

    def conv(x, filters, kernel=3, activation="relu"):
        return L.Conv2D(filters, kernel, padding="same", activation=activation)(x)

    inputs = keras.Input(tuple(input_shape))
    x, skips = inputs, []
    for level in range(depth):
        f = base_filters * 2 ** level
        x = conv(conv(x, f), f)
        skips.append(x)
        x = L.MaxPooling2D(2)(x)
    x = conv(conv(x, base_filters * 2 ** depth), base_filters * 2 ** depth)
    for level in reversed(range(depth)):
        f = base_filters * 2 ** level
        up = L.Conv2DTranspose(f, 2, strides=2)(x)
        x = conv(conv(L.Concatenate()([skips[level], up]), f), f)
    outputs = L.Conv2D(num_classes, 1, activation="sigmoid" if num_classes == 1 else "softmax")(x)
    model = keras.Model(inputs, outputs)
    if height % multiple or width % multiple:
        raise ValueError(f"input {height}x{width}: height and width must be multiples of {multiple}")
    return model
