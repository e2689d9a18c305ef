# replaces: ghost_module_keras
# loses: test_keras_matches_torch
# why: Keras' default BatchNormalization epsilon (1e-3) instead of PyTorch's 1e-5
<<<<<<< solution
    x1 = layers.BatchNormalization(epsilon=1e-5)(x1)
=======
    x1 = layers.BatchNormalization()(x1)
>>>>>>> variant
<<<<<<< solution
    x2 = layers.BatchNormalization(epsilon=1e-5)(x2)
=======
    x2 = layers.BatchNormalization()(x2)
>>>>>>> variant
