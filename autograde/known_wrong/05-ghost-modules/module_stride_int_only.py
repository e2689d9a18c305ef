# replaces: GhostModule
# loses: test_ghost_module_spatial, test_ghost_module_forward, test_ghost_module_training, test_replace_flat, test_replace_nested
# why: accepts only an int stride (rejects the pair that nn.Conv2d, and conv.stride in Exercise 5, use)
<<<<<<< solution
        self.out_channels = out_channels
=======
        if not isinstance(stride, int) or stride < 1:
            raise TypeError(f"stride must be a positive int, got {stride!r}")
        self.out_channels = out_channels
>>>>>>> variant
