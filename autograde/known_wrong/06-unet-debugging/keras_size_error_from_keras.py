# replaces: unet_keras
# loses: test_keras_size_check
# why: no size check of its own: builds the model and turns Keras' Concatenate error into a ValueError, whose message holds channel counts and sizes (a 16 among them) but not the rule, and only after building layers
<<<<<<< solution
    for name, size in zip(("height", "width"), input_shape[:2]):
        if size is None or size % multiple:
            raise ValueError(f"input {name} {size} is not a multiple of 2**depth = {multiple}")
    L = keras.layers
=======
    try:
        return _unet_keras_unchecked(input_shape, num_classes, base_filters, depth)
    except Exception as err:
        raise ValueError(f"this input does not fit the U-Net: {err}") from None


def _unet_keras_unchecked(input_shape, num_classes, base_filters, depth):
    L = keras.layers
>>>>>>> variant
