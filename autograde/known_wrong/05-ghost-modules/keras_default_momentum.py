# replaces: ghost_module_keras
# loses: test_keras_training
# why: Keras' default momentum 0.99: same outputs, but the moving statistics move ten times more slowly than PyTorch's momentum=0.1
<<<<<<< solution
    x1 = layers.BatchNormalization(epsilon=1e-5, momentum=0.9)(x1)   # = PyTorch's eps=1e-5, momentum=0.1
=======
    x1 = layers.BatchNormalization(epsilon=1e-5)(x1)
>>>>>>> variant
<<<<<<< solution
    x2 = layers.BatchNormalization(epsilon=1e-5, momentum=0.9)(x2)
=======
    x2 = layers.BatchNormalization(epsilon=1e-5)(x2)
>>>>>>> variant
