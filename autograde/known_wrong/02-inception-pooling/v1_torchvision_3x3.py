# replaces: inception_v1
# loses: test_inception_v1_shape, test_inception_v1_forward
# why: copies torchvision's known bug: a 3x3 conv (padding 1) where the paper's 5x5 branch has a 5x5
<<<<<<< solution
        self.branch3 = nn.Sequential(unit(in_channels, ch5x5red, 1), unit(ch5x5red, ch5x5, 5))
=======
        self.branch3 = nn.Sequential(unit(in_channels, ch5x5red, 1), unit(ch5x5red, ch5x5, 3))
>>>>>>> variant
