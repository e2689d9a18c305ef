# replaces: unet_keras
# why: a subclassed keras.Model (the contract allows "functional or subclassed"), built before it is returned by calling it once on a zero batch, so that count_params() works; same layers, same order of operations
class _UNetKeras(keras.Model):
    def __init__(self, num_classes, base_filters, depth, **kwargs):
        super().__init__(**kwargs)
        L = keras.layers
        conv = lambda filters: L.Conv2D(filters, 3, padding="same", activation="relu")
        self.depth = depth
        self.down = [conv(base_filters * 2 ** (i // 2)) for i in range(2 * depth)]
        self.pools = [L.MaxPooling2D(2) for _ in range(depth)]
        self.bottom = [conv(base_filters * 2 ** depth) for _ in range(2)]
        self.ups = [L.Conv2DTranspose(base_filters * 2 ** level, 2, strides=2) for level in reversed(range(depth))]
        self.up_convs = [conv(base_filters * 2 ** (depth - 1 - i // 2)) for i in range(2 * depth)]
        self.head = L.Conv2D(num_classes, 1, activation="sigmoid" if num_classes == 1 else "softmax")

    def call(self, x):
        skips = []
        for level in range(self.depth):
            x = self.down[2 * level + 1](self.down[2 * level](x))
            skips.append(x)
            x = self.pools[level](x)
        x = self.bottom[1](self.bottom[0](x))
        for i in range(self.depth):
            x = keras.ops.concatenate([skips[-1 - i], self.ups[i](x)], axis=-1)
            x = self.up_convs[2 * i + 1](self.up_convs[2 * i](x))
        return self.head(x)


def unet_keras(input_shape, num_classes: int, base_filters: int = 64, depth: int = 4) -> keras.Model:
    height, width = input_shape[0], input_shape[1]
    if height % 2 ** depth or width % 2 ** depth:
        raise ValueError(f"input size {height}x{width} is not a multiple of 2**{depth} = {2 ** depth}")
    model = _UNetKeras(num_classes, base_filters, depth)
    model(keras.ops.zeros((1,) + tuple(input_shape)))      # creates the weights
    return model
