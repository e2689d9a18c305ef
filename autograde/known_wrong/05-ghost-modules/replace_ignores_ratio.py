# replaces: replace_pointwise_convs
# loses: test_replace_flat, test_replace_nested
# why: always builds ratio-2 Ghost modules, whatever ratio is asked
<<<<<<< solution
            ghost = GhostModule(conv.in_channels, conv.out_channels, 1, ratio, stride=conv.stride, relu=False)
=======
            ghost = GhostModule(conv.in_channels, conv.out_channels, 1, 2, stride=conv.stride, relu=False)
>>>>>>> variant
