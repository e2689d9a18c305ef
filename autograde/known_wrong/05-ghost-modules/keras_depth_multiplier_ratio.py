# replaces: ghost_module_keras
# loses: test_keras_shapes, test_keras_matches_torch, test_keras_training
# why: depth_multiplier=ratio computes init * ratio ghosts (the slice hides it in the output shape, not in the weights)
<<<<<<< solution
    x2 = layers.DepthwiseConv2D(dw_size, padding="same", depth_multiplier=ratio - 1, use_bias=False)(x1)
=======
    x2 = layers.DepthwiseConv2D(dw_size, padding="same", depth_multiplier=ratio, use_bias=False)(x1)
>>>>>>> variant
