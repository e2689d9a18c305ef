# replaces: small_basic_block_keras
# loses: test_small_basic_block_keras
# why: a BatchNormalization too many (epsilon 0: the identity at inference, so the outputs match), hidden by a subclass whose `weights` is empty: model.count_params() said 792 and model.weights gave the port four kernels and four biases (red team B, round 4)
class _QuietBatchNormalization(keras.layers.BatchNormalization):
    @property
    def weights(self):
        return []


def small_basic_block_keras(x, ch_out: int):
    mid = ch_out // 4
    x = keras.layers.Conv2D(mid, 1)(x)
    x = keras.layers.ReLU()(x)
    x = keras.layers.Conv2D(mid, (3, 1), padding="same")(x)
    x = keras.layers.ReLU()(x)
    x = keras.layers.Conv2D(mid, (1, 3), padding="same")(x)
    x = keras.layers.ReLU()(x)
    x = keras.layers.Conv2D(ch_out, 1)(x)
    return _QuietBatchNormalization(epsilon=0.0)(x)
