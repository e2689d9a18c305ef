# replaces: small_basic_block_keras
# why: explicit ZeroPadding2D and 'valid' convolutions, like PyTorch's padding=(1, 0) and (0, 1)
def small_basic_block_keras(x, ch_out):
    mid = ch_out // 4
    x = keras.layers.Activation("relu")(keras.layers.Conv2D(mid, 1)(x))
    x = keras.layers.ZeroPadding2D(((1, 1), (0, 0)))(x)
    x = keras.layers.Activation("relu")(keras.layers.Conv2D(mid, (3, 1))(x))
    x = keras.layers.ZeroPadding2D(((0, 0), (1, 1)))(x)
    x = keras.layers.Activation("relu")(keras.layers.Conv2D(mid, (1, 3))(x))
    return keras.layers.Conv2D(ch_out, 1)(x)
