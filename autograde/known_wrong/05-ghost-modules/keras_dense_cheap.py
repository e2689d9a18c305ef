# replaces: ghost_module_keras
# loses: test_keras_shapes, test_keras_matches_torch, test_keras_training
# why: a dense Conv2D as the cheap operation instead of a DepthwiseConv2D
<<<<<<< solution
    x2 = layers.DepthwiseConv2D(dw_size, padding="same", depth_multiplier=ratio - 1, use_bias=False)(x1)
=======
    x2 = layers.Conv2D(init * (ratio - 1), dw_size, padding="same", use_bias=False)(x1)
>>>>>>> variant
