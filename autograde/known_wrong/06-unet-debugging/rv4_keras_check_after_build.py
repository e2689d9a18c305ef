# replaces: unet_keras
# loses: test_keras_size_check
# why: builds the whole model first, then raises (the contract asks for the check before building anything)
<<<<<<< solution
    for name, size in zip(("height", "width"), input_shape[:2]):
        if size is None or size % multiple:
            raise ValueError(f"input {name} {size} is not a multiple of 2**depth = {multiple}")
=======
>>>>>>> variant
<<<<<<< solution
    return keras.Model(inputs, outputs)
=======
    model = keras.Model(inputs, outputs)
    for name, size in zip(("height", "width"), input_shape[:2]):
        if size is None or size % multiple:
            raise ValueError(f"input {name} {size} is not a multiple of 2**depth = {multiple}")
    return model
>>>>>>> variant
