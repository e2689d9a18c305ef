# replaces: inception_v3_mixed0
# loses: test_mixed0_keras_shape, test_mixed0_keras_forward
# why: concatenates the pooled input without the 1x1 projection (192 channels instead of 32)
<<<<<<< solution
    branch_pool = conv2d_bn(branch_pool, 32, 1)
=======

>>>>>>> variant
