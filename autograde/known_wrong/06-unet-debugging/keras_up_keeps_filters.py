# replaces: unet_keras
# loses: test_keras_params, test_keras_values
# why: the up-step keeps the filter count (Conv2DTranspose(2F)), so the model has more parameters than the paper's
<<<<<<< solution
        up = L.Conv2DTranspose(filters, 2, strides=2, padding="same")(x)
=======
        up = L.Conv2DTranspose(2 * filters, 2, strides=2, padding="same")(x)
>>>>>>> variant
