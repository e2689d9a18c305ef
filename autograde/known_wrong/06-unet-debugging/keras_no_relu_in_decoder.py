# replaces: unet_keras
# loses: test_keras_values
# why: the decoder's 3x3 convolutions have no activation (a linear decoder): counts and shapes are the same
<<<<<<< solution
        x = two_convs(L.Concatenate(axis=-1)([skips[level], up]), filters)
=======
        x = L.Concatenate(axis=-1)([skips[level], up])
        for _ in range(2):
            x = L.Conv2D(filters, 3, padding="same", kernel_initializer="he_normal")(x)
>>>>>>> variant
