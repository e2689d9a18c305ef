# replaces: unet_keras
# why: the question's own up-step, UpSampling2D + Conv2D(F, 2, relu), with its Dropout layers and the concatenate function
def unet_keras(input_shape, num_classes, base_filters=64, depth=4):
    h, w = input_shape[0], input_shape[1]
    if h % 2 ** depth or w % 2 ** depth:
        raise ValueError(f"height and width must be multiples of {2 ** depth}, got {h}x{w}")
    L = keras.layers

    def conv(x, filters, kernel=3):
        return L.Conv2D(filters, kernel, activation="relu", padding="same", kernel_initializer="he_normal")(x)

    inputs = keras.Input(shape=input_shape)
    x, skips = inputs, []
    for level in range(depth):
        f = base_filters * 2 ** level
        x = conv(conv(x, f), f)
        skips.append(x)
        x = L.MaxPooling2D(pool_size=(2, 2))(L.Dropout(0.5)(x) if level == depth - 1 else x)
    x = L.Dropout(0.5)(conv(conv(x, base_filters * 2 ** depth), base_filters * 2 ** depth))
    for level in range(depth - 1, -1, -1):
        f = base_filters * 2 ** level
        up = conv(L.UpSampling2D(size=(2, 2))(x), f, kernel=2)
        x = conv(conv(L.concatenate([skips[level], up], axis=3), f), f)
    outputs = L.Conv2D(num_classes, 1, activation="sigmoid" if num_classes == 1 else "softmax")(x)
    return keras.Model(inputs=inputs, outputs=outputs)
