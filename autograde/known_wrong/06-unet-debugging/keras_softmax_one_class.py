# replaces: unet_keras
# loses: test_keras_outputs, test_keras_values
# why: keeps the softmax for num_classes=1: a softmax over one channel is the constant 1.0
<<<<<<< solution
    activation = "sigmoid" if num_classes == 1 else "softmax"
=======
    activation = "softmax"
>>>>>>> variant
