# replaces: unet_keras
# why: a subclassed keras.Model with Conv2DTranspose(padding="same") up-steps, no ReLU after them, layers held
#   in lists, the concatenation done with keras.ops; the size checked before any layer exists; built by a call
class _KerasUNet(keras.Model):
    def __init__(self, num_classes, base_filters, depth, **kwargs):
        super().__init__(**kwargs)
        L = keras.layers
        self.downs = [[L.Conv2D(base_filters * 2 ** i, 3, padding="same", activation="relu") for _ in range(2)]
                      for i in range(depth + 1)]
        self.pool = L.MaxPooling2D(2)
        self.ups = [L.Conv2DTranspose(base_filters * 2 ** i, 2, strides=2, padding="same") for i in range(depth)]
        self.decs = [[L.Conv2D(base_filters * 2 ** i, 3, padding="same", activation="relu") for _ in range(2)]
                     for i in range(depth)]
        self.head = L.Conv2D(num_classes, 1, activation="sigmoid" if num_classes == 1 else "softmax")
        self.depth = depth

    def call(self, x, training=False):
        skips = []
        for i, (a, b) in enumerate(self.downs):
            x = b(a(x))
            if i < self.depth:
                skips.append(x)
                x = self.pool(x)
        for i in reversed(range(self.depth)):
            up = self.ups[i](x)
            a, b = self.decs[i]
            x = b(a(keras.ops.concatenate([skips[i], up], axis=-1)))
        return self.head(x)


def unet_keras(input_shape, num_classes: int, base_filters: int = 64, depth: int = 4) -> keras.Model:
    height, width = int(input_shape[0]), int(input_shape[1])
    if height % (2 ** depth) != 0 or width % (2 ** depth) != 0:
        raise ValueError(f"H and W must be multiples of 2**{depth}; got {height}x{width}")
    model = _KerasUNet(num_classes, base_filters, depth)
    model(keras.ops.zeros((1,) + tuple(input_shape)))   # a subclassed model gets its weights at its first call
    return model
