# replaces: inception_v1
# loses: test_inception_v1_shape, test_inception_v1_forward
# why: pools 3x3 with stride 1 but no padding, so the pooling branch loses 2 pixels and cannot be concatenated
<<<<<<< solution
        self.branch4 = nn.Sequential(nn.MaxPool2d(3, stride=1, padding=1, ceil_mode=True),
=======
        self.branch4 = nn.Sequential(nn.MaxPool2d(3, stride=1, ceil_mode=True),
>>>>>>> variant
