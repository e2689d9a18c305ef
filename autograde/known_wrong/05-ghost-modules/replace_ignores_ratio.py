# replaces: replace_pointwise_convs
# loses: test_replace_flat, test_replace_nested
# why: always builds ratio-2 Ghost modules, whatever ratio is asked
<<<<<<< solution
            model.add_module(name, GhostModule(child.in_channels, child.out_channels, 1, ratio,
=======
            model.add_module(name, GhostModule(child.in_channels, child.out_channels, 1, 2,
>>>>>>> variant
