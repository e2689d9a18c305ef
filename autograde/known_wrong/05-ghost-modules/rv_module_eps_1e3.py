# replaces: GhostModule
# loses: test_ghost_module_forward, test_ghost_module_training
# why: BatchNorm2d(eps=1e-3) (Keras' default epsilon) in both parts instead of PyTorch's default 1e-5
<<<<<<< solution
            nn.BatchNorm2d(init),
=======
            nn.BatchNorm2d(init, eps=1e-3),
>>>>>>> variant
<<<<<<< solution
            nn.BatchNorm2d(new),
=======
            nn.BatchNorm2d(new, eps=1e-3),
>>>>>>> variant
