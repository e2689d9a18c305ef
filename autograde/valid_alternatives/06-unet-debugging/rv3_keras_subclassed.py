# replaces: unet_keras
# why: a keras.Model subclass with layer lists and an explicit call(); Conv2DTranspose up-steps with a ReLU after them; Concatenate(axis=-1)
class _KerasUNet(keras.Model):
    def __init__(self, num_classes, base_filters, depth, **kwargs):
        super().__init__(**kwargs)
        L = keras.layers
        self.encoders = [[L.Conv2D(base_filters * 2 ** i, 3, padding="same", activation="relu") for _ in range(2)]
                         for i in range(depth + 1)]
        self.pools = [L.MaxPooling2D(pool_size=2) for _ in range(depth)]
        self.ups = [L.Conv2DTranspose(base_filters * 2 ** i, 2, strides=2, activation="relu")
                    for i in reversed(range(depth))]
        self.joins = [L.Concatenate(axis=-1) for _ in range(depth)]
        self.decoders = [[L.Conv2D(base_filters * 2 ** i, 3, padding="same", activation="relu") for _ in range(2)]
                         for i in reversed(range(depth))]
        self.head = L.Conv2D(num_classes, 1, activation="sigmoid" if num_classes == 1 else "softmax")

    def call(self, x):
        skips = []
        for i, (first, second) in enumerate(self.encoders):
            x = second(first(x))
            if i < len(self.pools):
                skips.append(x)
                x = self.pools[i](x)
        for up, join, (first, second), skip in zip(self.ups, self.joins, self.decoders, reversed(skips)):
            x = second(first(join([skip, up(x)])))
        return self.head(x)


def unet_keras(input_shape, num_classes, base_filters=64, depth=4):
    for axis, size in zip(("height", "width"), input_shape[:2]):
        if size % (2 ** depth) != 0:
            raise ValueError(f"the {axis} {size} must be divisible by 2**{depth}")
    model = _KerasUNet(num_classes, base_filters, depth)
    model(keras.Input(tuple(input_shape)))        # a symbolic call creates every layer's weights
    return model
