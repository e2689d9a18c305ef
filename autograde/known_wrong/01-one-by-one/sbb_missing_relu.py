# replaces: small_basic_block
# loses: test_small_basic_block_equivalence
# why: no ReLU between the factorised 3x1 and 1x3 convolutions (they collapse into one linear map)
<<<<<<< solution
            nn.Conv2d(mid, mid, kernel_size=(3, 1), padding=(1, 0)),
            nn.ReLU(),
=======
            nn.Conv2d(mid, mid, kernel_size=(3, 1), padding=(1, 0)),
>>>>>>> variant
