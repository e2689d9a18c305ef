# replaces: inception_v1
# loses: test_inception_v1_forward
# why: zero-pads before max pooling, so a zero can win the maximum at the border (PyTorch pads max pooling with -inf)
<<<<<<< solution
        self.branch4 = nn.Sequential(nn.MaxPool2d(3, stride=1, padding=1, ceil_mode=True),
=======
        self.branch4 = nn.Sequential(nn.Sequential(nn.ZeroPad2d(1), nn.MaxPool2d(3, stride=1, ceil_mode=True)),
>>>>>>> variant
