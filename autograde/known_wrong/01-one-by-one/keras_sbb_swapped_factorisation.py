# replaces: small_basic_block_keras
# loses: test_small_basic_block_keras
# why: (1, 3) before (3, 1): Keras' kernel_size is (height, width) like PyTorch's, the order matters
<<<<<<< solution
    x = keras.layers.Conv2D(mid, (3, 1), padding="same")(x)
    x = keras.layers.ReLU()(x)
    x = keras.layers.Conv2D(mid, (1, 3), padding="same")(x)
=======
    x = keras.layers.Conv2D(mid, (1, 3), padding="same")(x)
    x = keras.layers.ReLU()(x)
    x = keras.layers.Conv2D(mid, (3, 1), padding="same")(x)
>>>>>>> variant
