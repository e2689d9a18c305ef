# replaces: GhostModule
# loses: test_ghost_module_spatial, test_ghost_module_forward, test_ghost_module_training
# why: strides the cheap operation too, so at stride 2 the ghosts are smaller than the intrinsic maps
<<<<<<< solution
            nn.Conv2d(init, new, dw_size, 1, dw_size // 2, groups=init, bias=False),
=======
            nn.Conv2d(init, new, dw_size, stride, dw_size // 2, groups=init, bias=False),
>>>>>>> variant
