# replaces: bottleneck
# loses: test_bottleneck_equivalence
# why: stride on the first 1x1 conv (original ResNet) where the contract (ResNet v1.5) strides the 3x3
<<<<<<< solution
            nn.Conv2d(in_channels, mid_channels, 1, bias=False),
=======
            nn.Conv2d(in_channels, mid_channels, 1, stride=stride, bias=False),
>>>>>>> variant
<<<<<<< solution
            nn.Conv2d(mid_channels, mid_channels, 3, stride=stride, padding=1, bias=False),
=======
            nn.Conv2d(mid_channels, mid_channels, 3, padding=1, bias=False),
>>>>>>> variant
