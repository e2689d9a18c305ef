# replaces: unet_keras
# why: a subclassed keras.Model (layers in lists, built by a symbolic call), UpSampling2D + Conv2D up-steps without ReLU, ops.concatenate
class _KerasUNet(keras.Model):
    def __init__(self, num_classes, base_filters, depth):
        super().__init__()
        L = keras.layers
        conv = lambda f, k=3, act="relu": L.Conv2D(f, k, padding="same", activation=act)
        self.down = [[conv(base_filters * 2 ** i), conv(base_filters * 2 ** i)] for i in range(depth)]
        self.bottom = [conv(base_filters * 2 ** depth), conv(base_filters * 2 ** depth)]
        self.ups = [[L.UpSampling2D(2), conv(base_filters * 2 ** i, 2, None)] for i in reversed(range(depth))]
        self.up_convs = [[conv(base_filters * 2 ** i), conv(base_filters * 2 ** i)] for i in reversed(range(depth))]
        self.pool = L.MaxPooling2D(2)
        self.head = L.Conv2D(num_classes, 1, activation="sigmoid" if num_classes == 1 else "softmax")

    def call(self, x):
        skips = []
        for first, second in self.down:
            x = second(first(x))
            skips.append(x)
            x = self.pool(x)
        x = self.bottom[1](self.bottom[0](x))
        for (upsample, up_conv), (first, second), skip in zip(self.ups, self.up_convs, reversed(skips)):
            x = second(first(keras.ops.concatenate([skip, up_conv(upsample(x))], axis=-1)))
        return self.head(x)


def unet_keras(input_shape, num_classes, base_filters=64, depth=4):
    if any(size % 2 ** depth for size in input_shape[:2]):
        raise ValueError(f"input {input_shape[:2]} must have sides that are multiples of {2 ** depth}")
    model = _KerasUNet(num_classes, base_filters, depth)
    model(keras.Input(tuple(input_shape)))       # builds every layer without computing anything
    return model
