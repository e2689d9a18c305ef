# replaces: unet_output_size
# loses: test_output_size_errors
# why: checks size < 0 instead of size < 1: a map of 0 pixels (unet_output_size(16, depth=1)) is returned as 0
<<<<<<< solution
    if size < 1:
        raise ValueError(f"input size {input_size} is too small
=======
    if size < 0:
        raise ValueError(f"input size {input_size} is too small
>>>>>>> variant
