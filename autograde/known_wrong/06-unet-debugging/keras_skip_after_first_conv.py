# replaces: unet_keras
# loses: test_keras_values
# why: takes the skip after the first 3x3 convolution of each encoder level instead of after the second: same shapes and parameters, different features reach the decoder
<<<<<<< solution
    for level in range(depth):
        x = two_convs(x, base_filters * 2 ** level)
        skips.append(x)
        x = L.MaxPooling2D(2)(x)
=======
    for level in range(depth):
        filters = base_filters * 2 ** level
        x = L.Conv2D(filters, 3, activation="relu", padding="same", kernel_initializer="he_normal")(x)
        skips.append(x)
        x = L.Conv2D(filters, 3, activation="relu", padding="same", kernel_initializer="he_normal")(x)
        x = L.MaxPooling2D(2)(x)
>>>>>>> variant
