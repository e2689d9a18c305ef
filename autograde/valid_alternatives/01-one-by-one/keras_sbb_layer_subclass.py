# replaces: small_basic_block_keras
# why: a keras.layers.Layer subclass with activation='relu' convolutions, called by the function
class SmallBasicBlockLayer(keras.layers.Layer):
    def __init__(self, ch_out, **kwargs):
        super().__init__(**kwargs)
        mid = ch_out // 4
        self.convs = [
            keras.layers.Conv2D(mid, 1, activation="relu"),
            keras.layers.Conv2D(mid, (3, 1), padding="same", activation="relu"),
            keras.layers.Conv2D(mid, (1, 3), padding="same", activation="relu"),
            keras.layers.Conv2D(ch_out, 1),
        ]

    def call(self, x):
        for conv in self.convs:
            x = conv(x)
        return x


def small_basic_block_keras(x, ch_out):
    return SmallBasicBlockLayer(ch_out)(x)
