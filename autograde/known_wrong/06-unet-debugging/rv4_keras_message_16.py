# replaces: unet_keras
# loses: test_keras_size_check
# why: the message always names 16, whatever depth is
<<<<<<< solution
raise ValueError(f"input {name} {size} is not a multiple of 2**depth = {multiple}")
=======
raise ValueError(f"input {name} {size} is not a multiple of 16")
>>>>>>> variant
