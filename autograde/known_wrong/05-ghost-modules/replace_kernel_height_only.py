# replaces: replace_pointwise_convs
# loses: test_replace_flat
# why: tests only kernel_size[0] == 1, so a 1x3 convolution is replaced too
<<<<<<< solution
        if isinstance(child, nn.Conv2d) and child.kernel_size == (1, 1) and child.groups == 1:
=======
        if isinstance(child, nn.Conv2d) and child.kernel_size[0] == 1 and child.groups == 1:
>>>>>>> variant
