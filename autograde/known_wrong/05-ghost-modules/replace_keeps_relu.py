# replaces: replace_pointwise_convs
# loses: test_replace_flat, test_replace_nested
# why: uses the default relu=True, adding ReLUs where the linear convolution had none
<<<<<<< solution
            ghost = GhostModule(conv.in_channels, conv.out_channels, 1, ratio, stride=conv.stride, relu=False)
=======
            ghost = GhostModule(conv.in_channels, conv.out_channels, 1, ratio, stride=conv.stride)
>>>>>>> variant
