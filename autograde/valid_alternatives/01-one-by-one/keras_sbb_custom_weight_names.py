# replaces: small_basic_block_keras
# why: a layer subclass that creates its own variables, named w0, b0, ... (not kernel / bias), and convolves with keras.ops.conv
class FactorisedBlock(keras.layers.Layer):
    def __init__(self, ch_out, **kwargs):
        super().__init__(**kwargs)
        self.ch_out = ch_out

    def build(self, input_shape):
        mid = self.ch_out // 4
        shapes = [(1, 1, input_shape[-1], mid), (3, 1, mid, mid), (1, 3, mid, mid), (1, 1, mid, self.ch_out)]
        self.ws, self.bs = [], []
        for i, shape in enumerate(shapes):
            self.ws.append(self.add_weight(shape=shape, initializer="glorot_uniform", name=f"w{i}"))
            self.bs.append(self.add_weight(shape=(shape[-1],), initializer="zeros", name=f"b{i}"))

    def call(self, x):
        for i, (w, b) in enumerate(zip(self.ws, self.bs)):
            x = keras.ops.conv(x, w, padding="same") + b
            if i < 3:
                x = keras.ops.relu(x)
        return x


def small_basic_block_keras(x, ch_out):
    return FactorisedBlock(ch_out)(x)
