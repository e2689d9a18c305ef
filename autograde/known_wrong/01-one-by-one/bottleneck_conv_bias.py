# replaces: bottleneck
# loses: test_bottleneck_shapes
# why: biases before BatchNorm: wasted parameters (the BN that follows removes any per-channel shift, so outputs do not change)
<<<<<<< solution
            nn.Conv2d(in_channels, mid_channels, 1, bias=False),
=======
            nn.Conv2d(in_channels, mid_channels, 1),
>>>>>>> variant
<<<<<<< solution
            nn.Conv2d(mid_channels, out_channels, 1, bias=False),
=======
            nn.Conv2d(mid_channels, out_channels, 1),
>>>>>>> variant
