# replaces: inception_v1
# loses: test_inception_v1_forward
# why: uses average pooling in the pooling branch (as Keras' mixed0 does) instead of GoogLeNet's max pooling
<<<<<<< solution
        self.branch4 = nn.Sequential(nn.MaxPool2d(3, stride=1, padding=1, ceil_mode=True),
=======
        self.branch4 = nn.Sequential(nn.AvgPool2d(3, stride=1, padding=1, ceil_mode=True),
>>>>>>> variant
