# replaces: unet_keras
# loses: test_keras_size_check
# why: no size check: a bad size fails deep inside with Concatenate's message, which names neither the input size nor the multiple
<<<<<<< solution
    for name, size in zip(("height", "width"), input_shape[:2]):
        if size is None or size % multiple:
            raise ValueError(f"input {name} {size} is not a multiple of 2**depth = {multiple}")
=======
>>>>>>> variant
