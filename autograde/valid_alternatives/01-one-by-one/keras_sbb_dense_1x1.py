# replaces: small_basic_block_keras
# why: the two 1x1 convolutions written as Dense layers on the channel axis (a 1x1 conv is a per-pixel Dense, section 1): 2-D kernels
def small_basic_block_keras(x, ch_out):
    mid = ch_out // 4
    x = keras.layers.Dense(mid, activation="relu")(x)
    x = keras.layers.Conv2D(mid, (3, 1), padding="same", activation="relu")(x)
    x = keras.layers.Conv2D(mid, (1, 3), padding="same", activation="relu")(x)
    return keras.layers.Dense(ch_out)(x)
