# replaces: inception_v3_mixed0
# loses: test_mixed0_keras_shape, test_mixed0_keras_forward
# why: keeps Conv2D's default use_bias=True although BatchNorm follows
<<<<<<< solution
        t = keras.layers.Conv2D(filters, kernel, padding="same", use_bias=False)(t)
=======
        t = keras.layers.Conv2D(filters, kernel, padding="same")(t)
>>>>>>> variant
