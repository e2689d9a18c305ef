# replaces: unet_keras
# loses: test_keras_params, test_keras_outputs, test_keras_values
# why: builds the input as (H, W, 1) whatever the channel count of input_shape
def unet_keras(input_shape, num_classes: int, base_filters: int = 64, depth: int = 4) -> keras.Model:
    height, width = int(input_shape[0]), int(input_shape[1])
    multiple = 2 ** depth
    if height % multiple or width % multiple:
        raise ValueError(f"input {height}x{width}: height and width must be multiples of {multiple}")
    L = keras.layers

    def conv(x, filters, kernel=3, activation="relu"):
        return L.Conv2D(filters, kernel, padding="same", activation=activation)(x)

    inputs = keras.Input((height, width, 1))
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
    return keras.Model(inputs, outputs)
