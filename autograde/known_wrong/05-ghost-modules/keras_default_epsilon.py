# replaces: ghost_module_keras
# loses: test_keras_matches_torch, test_keras_training
# why: Keras' default BatchNormalization epsilon (1e-3) instead of PyTorch's 1e-5
<<<<<<< solution
    x1 = layers.BatchNormalization(epsilon=1e-5, momentum=0.9)(x1)   # = PyTorch's eps=1e-5, momentum=0.1
=======
    x1 = layers.BatchNormalization(momentum=0.9)(x1)
>>>>>>> variant
<<<<<<< solution
    x2 = layers.BatchNormalization(epsilon=1e-5, momentum=0.9)(x2)
=======
    x2 = layers.BatchNormalization(momentum=0.9)(x2)
>>>>>>> variant
