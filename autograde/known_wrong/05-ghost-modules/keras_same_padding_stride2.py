# replaces: ghost_module_keras
# loses: test_keras_matches_torch
# why: padding="same" at every stride: right output size, but at stride 2 on even inputs Keras pads one pixel less at the top/left than PyTorch
<<<<<<< solution
    if strides > 1 and kernel_size > 1:
=======
    if False:
>>>>>>> variant
