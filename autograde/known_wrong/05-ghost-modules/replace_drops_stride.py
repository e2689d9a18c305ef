# replaces: replace_pointwise_convs
# loses: test_replace_flat, test_replace_nested
# why: builds the Ghost module without the convolution's stride, so a strided 1x1 conv no longer downsamples
<<<<<<< solution
            model.add_module(name, GhostModule(child.in_channels, child.out_channels, 1, ratio,
                                               stride=child.stride, relu=False))
=======
            model.add_module(name, GhostModule(child.in_channels, child.out_channels, 1, ratio, relu=False))
>>>>>>> variant
