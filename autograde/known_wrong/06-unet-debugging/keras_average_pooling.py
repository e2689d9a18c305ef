# replaces: unet_keras
# loses: test_keras_values
# why: 2x2 average pooling instead of max pooling: no parameter and no shape changes, only the values
<<<<<<< solution
        x = L.MaxPooling2D(2)(x)
=======
        x = L.AveragePooling2D(2)(x)
>>>>>>> variant
