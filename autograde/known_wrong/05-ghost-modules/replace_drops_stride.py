# replaces: replace_pointwise_convs
# loses: test_replace_flat, test_replace_nested
# why: builds the Ghost module without the convolution's stride, so a strided 1x1 conv no longer downsamples
<<<<<<< solution
            ghost = GhostModule(conv.in_channels, conv.out_channels, 1, ratio, stride=conv.stride, relu=False)
=======
            ghost = GhostModule(conv.in_channels, conv.out_channels, 1, ratio, relu=False)
>>>>>>> variant
