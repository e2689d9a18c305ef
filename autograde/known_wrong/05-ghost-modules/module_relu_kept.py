# replaces: GhostModule
# loses: test_ghost_module_forward, test_ghost_module_training
# why: keeps both ReLUs when relu=False, so the "linear" Ghost module is not linear
<<<<<<< solution
            nn.BatchNorm2d(init),
            nn.ReLU(inplace=True) if relu else nn.Identity(),
=======
            nn.BatchNorm2d(init),
            nn.ReLU(inplace=True),
>>>>>>> variant
<<<<<<< solution
            nn.BatchNorm2d(new),
            nn.ReLU(inplace=True) if relu else nn.Identity(),
=======
            nn.BatchNorm2d(new),
            nn.ReLU(inplace=True),
>>>>>>> variant
