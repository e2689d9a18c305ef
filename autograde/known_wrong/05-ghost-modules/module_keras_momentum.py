# replaces: GhostModule
# loses: test_ghost_module_training
# why: BatchNorm2d(momentum=0.9), Keras' number: PyTorch's momentum is the weight of the NEW batch (default 0.1)
<<<<<<< solution
            nn.BatchNorm2d(init),
=======
            nn.BatchNorm2d(init, momentum=0.9),
>>>>>>> variant
<<<<<<< solution
            nn.BatchNorm2d(new),
=======
            nn.BatchNorm2d(new, momentum=0.9),
>>>>>>> variant
