# replaces: inception_v3_mixed0
# loses: test_mixed0_keras_forward
# why: uses max pooling (as in GoogLeNet) where mixed0 averages
<<<<<<< solution
    branch_pool = keras.layers.AveragePooling2D(3, strides=1, padding="same")(x)
=======
    branch_pool = keras.layers.MaxPooling2D(3, strides=1, padding="same")(x)
>>>>>>> variant
