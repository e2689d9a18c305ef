# replaces: unet_keras
# loses: test_keras_params, test_keras_outputs, test_keras_values
# why: builds the input as (H, W, 1) whatever the channel count of input_shape
<<<<<<< solution
    inputs = keras.Input(input_shape)
=======
    inputs = keras.Input(tuple(input_shape[:2]) + (1,))
>>>>>>> variant
