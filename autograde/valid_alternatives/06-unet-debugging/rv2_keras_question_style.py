# replaces: unet_keras
# why: the question's own style: Dropout(0.5) on the deepest encoder level (feeding the skip too) and on the
#   bottom, UpSampling2D + Conv2D(F, 2, relu), the output activation as a separate layer
def unet_keras(input_shape, num_classes: int, base_filters: int = 64, depth: int = 4) -> keras.Model:
    L = keras.layers
    multiple = 2 ** depth
    bad = [size for size in tuple(input_shape)[:2] if size % multiple]
    if bad:
        raise ValueError(f"input_shape {tuple(input_shape)}: {bad} not a multiple of {multiple}")

    def conv(x, filters, kernel=3):
        return L.Conv2D(filters, kernel, activation="relu", padding="same", kernel_initializer="he_normal")(x)

    inputs = keras.Input(shape=tuple(input_shape))
    skips, x = [], inputs
    for level in range(depth):
        x = conv(conv(x, base_filters * 2 ** level), base_filters * 2 ** level)
        if level == depth - 1:
            x = L.Dropout(0.5)(x)
        skips.append(x)
        x = L.MaxPooling2D(pool_size=(2, 2))(x)
    x = L.Dropout(0.5)(conv(conv(x, base_filters * 2 ** depth), base_filters * 2 ** depth))
    for level in reversed(range(depth)):
        filters = base_filters * 2 ** level
        up = conv(L.UpSampling2D(size=(2, 2))(x), filters, kernel=2)
        x = conv(conv(L.concatenate([skips[level], up], axis=3), filters), filters)
    logits = L.Conv2D(num_classes, 1)(x)
    probs = L.Activation("sigmoid" if num_classes == 1 else "softmax")(logits)
    return keras.Model(inputs=inputs, outputs=probs)
