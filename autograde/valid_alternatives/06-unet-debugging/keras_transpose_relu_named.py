# replaces: unet_keras
# why: the authors' release style: Conv2DTranspose with a ReLU and default ('valid') padding, named layers, the layer API's Concatenate, no Dropout
def unet_keras(input_shape, num_classes, base_filters=64, depth=4):
    for axis, size in (("H", input_shape[0]), ("W", input_shape[1])):
        if size % (2 ** depth):
            raise ValueError(f"{axis}={size} must be a multiple of 2**{depth}")
    layers = keras.layers
    image = keras.Input(shape=tuple(input_shape), name="image")
    features, bridges = image, []
    for level in range(depth):
        width = base_filters << level
        features = layers.Conv2D(width, (3, 3), padding="same", activation="relu", name=f"enc{level}_a")(features)
        features = layers.Conv2D(width, (3, 3), padding="same", activation="relu", name=f"enc{level}_b")(features)
        bridges.append(features)
        features = layers.MaxPool2D(pool_size=2, name=f"pool{level}")(features)
    width = base_filters << depth
    features = layers.Conv2D(width, 3, padding="same", activation="relu", name="bottom_a")(features)
    features = layers.Conv2D(width, 3, padding="same", activation="relu", name="bottom_b")(features)
    for level in reversed(range(depth)):
        width = base_filters << level
        up = layers.Conv2DTranspose(width, 2, strides=(2, 2), activation="relu", name=f"up{level}")(features)
        features = layers.Concatenate(name=f"merge{level}")([bridges[level], up])
        features = layers.Conv2D(width, 3, padding="same", activation="relu", name=f"dec{level}_a")(features)
        features = layers.Conv2D(width, 3, padding="same", activation="relu", name=f"dec{level}_b")(features)
    head = layers.Conv2D(num_classes, 1, activation="sigmoid" if num_classes == 1 else "softmax", name="head")
    return keras.Model(image, head(features), name="unet")
