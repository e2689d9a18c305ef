# replaces: replace_pointwise_convs
# loses: test_replace_flat, test_replace_nested
# why: uses the default relu=True, adding ReLUs where the linear convolution had none
<<<<<<< solution
                                               stride=child.stride, relu=False))
=======
                                               stride=child.stride))
>>>>>>> variant
