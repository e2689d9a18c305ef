# replaces: unet_keras
# loses: test_keras_outputs, test_keras_values
# why: a sigmoid for every class count: the class probabilities no longer sum to 1 (sparse categorical cross-entropy expects a softmax)
<<<<<<< solution
    activation = "sigmoid" if num_classes == 1 else "softmax"
=======
    activation = "sigmoid"
>>>>>>> variant
