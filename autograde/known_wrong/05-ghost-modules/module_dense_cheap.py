# replaces: GhostModule
# loses: test_ghost_module_forward, test_ghost_module_training
# why: the cheap operation is a dense 3x3 conv (groups=1): right shapes, wrong (and far more expensive) function
<<<<<<< solution
            nn.Conv2d(init, new, dw_size, 1, dw_size // 2, groups=init, bias=False),
=======
            nn.Conv2d(init, new, dw_size, 1, dw_size // 2, bias=False),
>>>>>>> variant
