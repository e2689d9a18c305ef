# replaces: inception_v3_mixed0
# loses: test_mixed0_keras_shape, test_mixed0_keras_forward
# why: reads 'v1' into the block and gives the 3x3 branch a single 3x3 conv instead of two
<<<<<<< solution
    branch3x3dbl = conv2d_bn(conv2d_bn(conv2d_bn(x, 64, 1), 96, 3), 96, 3)
=======
    branch3x3dbl = conv2d_bn(conv2d_bn(x, 64, 1), 96, 3)
>>>>>>> variant
