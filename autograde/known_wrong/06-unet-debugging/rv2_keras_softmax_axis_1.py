# replaces: unet_keras
# loses: test_keras_outputs, test_keras_values
# why: PyTorch habit: softmax over axis 1 (the height in NHWC), not over the channels
def unet_keras(input_shape, num_classes: int, base_filters: int = 64, depth: int = 4) -> keras.Model:
    L = keras.layers
    h, w = input_shape[0], input_shape[1]
    if h % 2 ** depth or w % 2 ** depth:
        raise ValueError(f"input {h}x{w} is not a multiple of {2 ** depth}")
    inputs = keras.Input(input_shape)
    x, skips = inputs, []
    for level in range(depth):
        f = base_filters * 2 ** level
        x = L.Conv2D(f, 3, padding="same", activation="relu")(x)
        x = L.Conv2D(f, 3, padding="same", activation="relu")(x)
        skips.append(x)
        x = L.MaxPooling2D(2)(x)
    f = base_filters * 2 ** depth
    x = L.Conv2D(f, 3, padding="same", activation="relu")(x)
    x = L.Conv2D(f, 3, padding="same", activation="relu")(x)
    for level in reversed(range(depth)):
        f = base_filters * 2 ** level
        up = L.Conv2D(f, 2, padding="same", activation="relu")(L.UpSampling2D(2)(x))
        x = L.Concatenate()([skips[level], up])
        x = L.Conv2D(f, 3, padding="same", activation="relu")(x)
        x = L.Conv2D(f, 3, padding="same", activation="relu")(x)
    outputs = L.Conv2D(num_classes, 1)(x)
    outputs = L.Activation("sigmoid")(outputs) if num_classes == 1 else L.Softmax(axis=1)(outputs)
    return keras.Model(inputs, outputs)
