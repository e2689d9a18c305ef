# replaces: inception_v3_mixed0
# loses: test_mixed0_keras_forward
# why: orders the branches like GoogLeNet (1x1, 3x3, 5x5, pool): the double-3x3 branch before the 5x5 one
<<<<<<< solution
    return keras.layers.Concatenate(axis=-1)([branch1x1, branch5x5, branch3x3dbl, branch_pool])
=======
    return keras.layers.Concatenate(axis=-1)([branch1x1, branch3x3dbl, branch5x5, branch_pool])
>>>>>>> variant
