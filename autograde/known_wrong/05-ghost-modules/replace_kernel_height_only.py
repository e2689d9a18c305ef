# replaces: replace_pointwise_convs
# loses: test_replace_flat
# why: tests only kernel_size[0] == 1, so a 1x3 convolution is replaced too
<<<<<<< solution
        if not (isinstance(conv, nn.Conv2d) and conv.kernel_size == (1, 1) and conv.groups == 1):
=======
        if not (isinstance(conv, nn.Conv2d) and conv.kernel_size[0] == 1 and conv.groups == 1):
>>>>>>> variant
