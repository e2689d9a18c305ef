# replaces: small_basic_block_keras
# loses: test_small_basic_block_keras
# why: no ReLU between the factorised convolutions
<<<<<<< solution
    x = keras.layers.Conv2D(mid, (3, 1), padding="same")(x)
    x = keras.layers.ReLU()(x)
=======
    x = keras.layers.Conv2D(mid, (3, 1), padding="same")(x)
>>>>>>> variant
