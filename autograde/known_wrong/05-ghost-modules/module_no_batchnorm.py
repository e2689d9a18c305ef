# replaces: GhostModule
# loses: test_ghost_module_forward
# why: conv + ReLU without BatchNorm in both parts
<<<<<<< solution
            nn.BatchNorm2d(init),
=======
>>>>>>> variant
<<<<<<< solution
            nn.BatchNorm2d(new),
=======
>>>>>>> variant
