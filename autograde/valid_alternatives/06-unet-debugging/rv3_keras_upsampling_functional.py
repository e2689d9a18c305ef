# replaces: unet_keras
# why: the question's form: UpSampling2D + Conv2D(F, 2, relu) as the up-step, keras.layers.concatenate, Dropout(0.5) at the two lowest levels, the sigmoid/softmax as a separate Activation layer, and the size message written "... % 16 = 10, not 0"
def unet_keras(input_shape, num_classes, base_filters=64, depth=4):
    L = keras.layers
    multiple = 2 ** depth
    for size in input_shape[:2]:
        if size % multiple:
            raise ValueError(f"input size {size} % {multiple} = {size % multiple}, not 0: the U-Net needs whole poolings")
    inputs = keras.Input(shape=input_shape)
    x = inputs
    skips = []
    for level in range(depth + 1):
        filters = base_filters * 2 ** level
        x = L.Conv2D(filters, 3, activation="relu", padding="same", kernel_initializer="he_normal")(x)
        x = L.Conv2D(filters, 3, activation="relu", padding="same", kernel_initializer="he_normal")(x)
        if level >= depth - 1:
            x = L.Dropout(0.5)(x)
        if level < depth:
            skips.append(x)
            x = L.MaxPooling2D(pool_size=(2, 2))(x)
    for level in range(depth - 1, -1, -1):
        filters = base_filters * 2 ** level
        up = L.Conv2D(filters, 2, activation="relu", padding="same")(L.UpSampling2D(size=(2, 2))(x))
        x = L.concatenate([skips[level], up], axis=3)
        x = L.Conv2D(filters, 3, activation="relu", padding="same")(x)
        x = L.Conv2D(filters, 3, activation="relu", padding="same")(x)
    x = L.Conv2D(num_classes, 1)(x)
    outputs = L.Activation("sigmoid" if num_classes == 1 else "softmax")(x)
    return keras.Model(inputs=inputs, outputs=outputs)
