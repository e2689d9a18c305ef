# replaces: ghost_module_keras
# loses: test_keras_training
# why: the cheap DepthwiseConv2D is built with trainable=False: same outputs and count_params, no learning
<<<<<<< solution
    x2 = layers.DepthwiseConv2D(dw_size, padding="same", depth_multiplier=ratio - 1, use_bias=False)(x1)
=======
    x2 = layers.DepthwiseConv2D(dw_size, padding="same", depth_multiplier=ratio - 1, use_bias=False,
                                trainable=False)(x1)
>>>>>>> variant
