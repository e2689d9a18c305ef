# replaces: ResNeXtBlock
# loses: test_block_forward
# why: puts the stride on the first 1x1 conv (original ResNet v1 placement) instead of the grouped 3x3, which throws away 3/4 of the positions before any 3x3 sees them
<<<<<<< solution
        self.conv1 = nn.Conv2d(in_channels, filters, 1, bias=False)
=======
        self.conv1 = nn.Conv2d(in_channels, filters, 1, stride=stride, bias=False)
>>>>>>> variant
<<<<<<< solution
        self.conv2 = nn.Conv2d(filters, filters, 3, stride=stride, padding=1, groups=groups, bias=False)
=======
        self.conv2 = nn.Conv2d(filters, filters, 3, padding=1, groups=groups, bias=False)
>>>>>>> variant
