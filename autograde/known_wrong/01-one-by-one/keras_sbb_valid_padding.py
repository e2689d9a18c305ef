# replaces: small_basic_block_keras
# loses: test_small_basic_block_keras
# why: Keras' default padding='valid' shrinks H and W by 2
def small_basic_block_keras(x, ch_out):
    mid = ch_out // 4
    x = keras.layers.Conv2D(mid, 1, activation="relu")(x)
    x = keras.layers.Conv2D(mid, (3, 1), activation="relu")(x)
    x = keras.layers.Conv2D(mid, (1, 3), activation="relu")(x)
    return keras.layers.Conv2D(ch_out, 1)(x)
