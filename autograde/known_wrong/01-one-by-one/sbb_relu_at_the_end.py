# replaces: small_basic_block
# loses: test_small_basic_block_equivalence
# why: a ReLU after the last 1x1 conv (the block's output is linear in LPRNet)
<<<<<<< solution
            nn.Conv2d(mid, ch_out, kernel_size=1),
=======
            nn.Conv2d(mid, ch_out, kernel_size=1),
            nn.ReLU(),
>>>>>>> variant
