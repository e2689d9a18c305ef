# replaces: replace_pointwise_convs
# loses: test_replace_flat, test_replace_nested
# why: replaces depthwise and grouped 1x1 convolutions too (ignores groups)
<<<<<<< solution
        if not (isinstance(conv, nn.Conv2d) and conv.kernel_size == (1, 1) and conv.groups == 1):
=======
        if not (isinstance(conv, nn.Conv2d) and conv.kernel_size == (1, 1)):
>>>>>>> variant
