# replaces: ghost_module_keras
# loses: test_keras_matches_torch, test_keras_training
# why: padding="same" at every stride: right output size, but at stride 2 on even inputs Keras pads one pixel less at the top/left than PyTorch
<<<<<<< solution
    if kernel_size > 1:
        # PyTorch pads kernel_size // 2 on every side; 'same' pads one pixel less at the top/left at stride 2
        x = layers.ZeroPadding2D(kernel_size // 2)(x)
    x1 = layers.Conv2D(init, kernel_size, strides=strides, padding="valid", use_bias=False)(x)
=======
    x1 = layers.Conv2D(init, kernel_size, strides=strides, padding="same", use_bias=False)(x)
>>>>>>> variant
