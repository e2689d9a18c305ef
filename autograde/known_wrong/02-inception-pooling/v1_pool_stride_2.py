# replaces: inception_v1
# loses: test_inception_v1_shape, test_inception_v1_forward
# why: pools with stride 2 as pooling layers usually do, so the pooling branch halves H and W and cannot be concatenated
<<<<<<< solution
        self.branch4 = nn.Sequential(nn.MaxPool2d(3, stride=1, padding=1, ceil_mode=True),
=======
        self.branch4 = nn.Sequential(nn.MaxPool2d(3, stride=2, padding=1, ceil_mode=True),
>>>>>>> variant
