# replaces: GhostModule
# loses: test_ghost_module_channels, test_ghost_module_spatial, test_ghost_module_forward, test_ghost_module_training
# why: applies the cheap operation to the module's input instead of the intrinsic maps
<<<<<<< solution
        x2 = self.cheap_operation(x1)
=======
        x2 = self.cheap_operation(x)
>>>>>>> variant
