# replaces: inception_v3_mixed0
# loses: test_mixed0_keras_shape, test_mixed0_keras_forward
# why: omits strides=1: Keras pooling strides default to pool_size, so the map shrinks 3x
<<<<<<< solution
    branch_pool = keras.layers.AveragePooling2D(3, strides=1, padding="same")(x)
=======
    branch_pool = keras.layers.AveragePooling2D(3, padding="same")(x)
>>>>>>> variant
