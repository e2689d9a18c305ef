# replaces: unet_keras
# why: a keras.Model subclass (layers in __init__, up-step UpSampling2D + Conv2D(F, 2) with a ReLU), built in the function by a symbolic call; message '2**depth'
class _KerasUNet(keras.Model):
    def __init__(self, num_classes, base_filters, depth, **kwargs):
        super().__init__(**kwargs)
        L = keras.layers
        self.depth = depth
        self.enc = [[L.Conv2D(base_filters * 2 ** i, 3, padding="same", activation="relu") for _ in range(2)]
                    for i in range(depth)]
        self.pools = [L.MaxPooling2D(pool_size=(2, 2)) for _ in range(depth)]
        self.mid = [L.Conv2D(base_filters * 2 ** depth, 3, padding="same", activation="relu") for _ in range(2)]
        self.ups = [L.UpSampling2D(size=2) for _ in range(depth)]
        self.up_convs = [L.Conv2D(base_filters * 2 ** i, 2, padding="same", activation="relu")
                         for i in reversed(range(depth))]
        self.cats = [L.Concatenate(axis=-1) for _ in range(depth)]
        self.dec = [[L.Conv2D(base_filters * 2 ** i, 3, padding="same", activation="relu") for _ in range(2)]
                    for i in reversed(range(depth))]
        self.out = L.Conv2D(num_classes, 1, activation="sigmoid" if num_classes == 1 else "softmax")

    def call(self, x):
        skips = []
        for (a, b), pool in zip(self.enc, self.pools):
            x = b(a(x))
            skips.append(x)
            x = pool(x)
        x = self.mid[1](self.mid[0](x))
        for up, up_conv, cat, (a, b), skip in zip(self.ups, self.up_convs, self.cats, self.dec, reversed(skips)):
            x = b(a(cat([skip, up_conv(up(x))])))
        return self.out(x)


def unet_keras(input_shape, num_classes: int, base_filters: int = 64, depth: int = 4) -> keras.Model:
    h, w, c = (int(v) for v in input_shape)
    if h % (2 ** depth) != 0 or w % (2 ** depth) != 0:
        raise ValueError(f"{h}x{w} input: both sides must be divisible by 2**{depth}")
    model = _KerasUNet(num_classes, base_filters, depth)
    model(keras.KerasTensor((1, h, w, c)))      # a symbolic call creates every weight (build() alone would not)
    return model
