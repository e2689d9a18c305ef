# replaces: inception_v3_mixed0
# loses: test_mixed0_keras_shape, test_mixed0_keras_forward
# why: keeps BatchNormalization's default scale=True, adding a gamma that InceptionV3 does not have
<<<<<<< solution
        t = keras.layers.BatchNormalization(scale=False)(t)
=======
        t = keras.layers.BatchNormalization()(t)
>>>>>>> variant
