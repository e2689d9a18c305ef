# replaces: small_basic_block
# loses: test_small_basic_block_shapes, test_small_basic_block_equivalence
# why: (3, 3) kernels where LPRNet factorises into (3, 1) and (1, 3)
<<<<<<< solution
            nn.Conv2d(mid, mid, kernel_size=(3, 1), padding=(1, 0)),
=======
            nn.Conv2d(mid, mid, kernel_size=3, padding=1),
>>>>>>> variant
<<<<<<< solution
            nn.Conv2d(mid, mid, kernel_size=(1, 3), padding=(0, 1)),
=======
            nn.Conv2d(mid, mid, kernel_size=3, padding=1),
>>>>>>> variant
