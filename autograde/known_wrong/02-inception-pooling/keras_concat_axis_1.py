# replaces: inception_v3_mixed0
# loses: test_mixed0_keras_shape, test_mixed0_keras_forward
# why: concatenates on axis 1 (PyTorch's channel axis), which is the height in NHWC
<<<<<<< solution
    return keras.layers.Concatenate(axis=-1)([branch1x1, branch5x5, branch3x3dbl, branch_pool])
=======
    return keras.layers.Concatenate(axis=1)([branch1x1, branch5x5, branch3x3dbl, branch_pool])
>>>>>>> variant
