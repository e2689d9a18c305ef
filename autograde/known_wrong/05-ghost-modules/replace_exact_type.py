# replaces: replace_pointwise_convs
# loses: test_replace_nested
# why: tests type(conv) is nn.Conv2d, so a 1x1 convolution of a subclass of nn.Conv2d (e.g. one with its own initialisation) stays; the contract replaces instances of nn.Conv2d, subclasses included
<<<<<<< solution
        if not (isinstance(conv, nn.Conv2d) and conv.kernel_size == (1, 1) and conv.groups == 1):
=======
        if not (type(conv) is nn.Conv2d and conv.kernel_size == (1, 1) and conv.groups == 1):
>>>>>>> variant
