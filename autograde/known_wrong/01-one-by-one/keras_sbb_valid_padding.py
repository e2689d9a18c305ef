# replaces: small_basic_block_keras
# loses: test_small_basic_block_keras
# why: Keras' default padding='valid' shrinks H and W by 2
<<<<<<< solution
    x = keras.layers.Conv2D(mid, (3, 1), padding="same")(x)
=======
    x = keras.layers.Conv2D(mid, (3, 1))(x)
>>>>>>> variant
<<<<<<< solution
    x = keras.layers.Conv2D(mid, (1, 3), padding="same")(x)
=======
    x = keras.layers.Conv2D(mid, (1, 3))(x)
>>>>>>> variant
