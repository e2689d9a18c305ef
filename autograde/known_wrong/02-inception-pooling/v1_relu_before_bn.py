# replaces: inception_v1
# loses: test_inception_v1_forward
# why: applies ReLU before BatchNorm (conv -> ReLU -> BN), so outputs can be negative
<<<<<<< solution
                                 nn.BatchNorm2d(c_out, eps=0.001), nn.ReLU(inplace=True))
=======
                                 nn.ReLU(inplace=True), nn.BatchNorm2d(c_out, eps=0.001))
>>>>>>> variant
