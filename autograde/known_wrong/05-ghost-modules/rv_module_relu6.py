# replaces: GhostModule
# loses: test_ghost_module_forward, test_ghost_module_training
# why: ReLU6 (MobileNet's activation) instead of ReLU in both parts: outputs above 6 are clipped
<<<<<<< solution
            nn.ReLU(inplace=True) if relu else nn.Identity(),
        )
        self.cheap_operation = nn.Sequential(
=======
            nn.ReLU6(inplace=True) if relu else nn.Identity(),
        )
        self.cheap_operation = nn.Sequential(
>>>>>>> variant
<<<<<<< solution
            nn.BatchNorm2d(new),
            nn.ReLU(inplace=True) if relu else nn.Identity(),
=======
            nn.BatchNorm2d(new),
            nn.ReLU6(inplace=True) if relu else nn.Identity(),
>>>>>>> variant
