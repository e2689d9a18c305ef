# replaces: small_basic_block_keras
# loses: test_small_basic_block_keras
# why: no ReLU between the factorised convolutions
def small_basic_block_keras(x, ch_out):
    mid = ch_out // 4
    x = keras.layers.Conv2D(mid, 1, activation="relu")(x)
    x = keras.layers.Conv2D(mid, (3, 1), padding="same")(x)
    x = keras.layers.Conv2D(mid, (1, 3), padding="same", activation="relu")(x)
    return keras.layers.Conv2D(ch_out, 1)(x)
