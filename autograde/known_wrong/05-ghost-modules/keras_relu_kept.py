# replaces: ghost_module_keras
# loses: test_keras_matches_torch, test_keras_training
# why: applies the ReLUs even when relu=False
<<<<<<< solution
    x1 = layers.BatchNormalization(epsilon=1e-5, momentum=0.9)(x1)   # = PyTorch's eps=1e-5, momentum=0.1
    if relu:
        x1 = layers.ReLU()(x1)
=======
    x1 = layers.BatchNormalization(epsilon=1e-5, momentum=0.9)(x1)   # = PyTorch's eps=1e-5, momentum=0.1
    x1 = layers.ReLU()(x1)
>>>>>>> variant
<<<<<<< solution
    x2 = layers.BatchNormalization(epsilon=1e-5, momentum=0.9)(x2)
    if relu:
        x2 = layers.ReLU()(x2)
=======
    x2 = layers.BatchNormalization(epsilon=1e-5, momentum=0.9)(x2)
    x2 = layers.ReLU()(x2)
>>>>>>> variant
