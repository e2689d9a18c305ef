# replaces: GhostModule
# loses: test_ghost_module_forward, test_ghost_module_training
# why: conv + ReLU without BatchNorm in both parts
<<<<<<< solution
            nn.BatchNorm2d(init),
=======
>>>>>>> variant
<<<<<<< solution
            nn.BatchNorm2d(new),
=======
>>>>>>> variant
