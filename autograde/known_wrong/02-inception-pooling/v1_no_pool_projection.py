# replaces: inception_v1
# loses: test_inception_v1_shape, test_inception_v1_forward
# why: leaves out the 1x1 projection after pooling, so the pooled input's channels are all concatenated (the naive module)
<<<<<<< solution
        self.branch4 = nn.Sequential(nn.MaxPool2d(3, stride=1, padding=1, ceil_mode=True),
                                     unit(in_channels, pool_proj, 1))
=======
        self.branch4 = nn.MaxPool2d(3, stride=1, padding=1, ceil_mode=True)
>>>>>>> variant
