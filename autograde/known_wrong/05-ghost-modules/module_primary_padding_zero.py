# replaces: GhostModule
# loses: test_ghost_module_spatial, test_ghost_module_forward, test_ghost_module_training
# why: padding=0 in the primary conv: with kernel_size=3 a 35x35 map shrinks to 33x33
<<<<<<< solution
            nn.Conv2d(in_channels, init, kernel_size, stride, kernel_size // 2, bias=False),
=======
            nn.Conv2d(in_channels, init, kernel_size, stride, 0, bias=False),
>>>>>>> variant
