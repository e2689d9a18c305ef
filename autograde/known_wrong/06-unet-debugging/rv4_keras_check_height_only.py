# replaces: unet_keras
# loses: test_keras_size_check
# why: checks only the height against 2**depth
<<<<<<< solution
zip(("height", "width"), input_shape[:2])
=======
zip(("height",), input_shape[:1])
>>>>>>> variant
