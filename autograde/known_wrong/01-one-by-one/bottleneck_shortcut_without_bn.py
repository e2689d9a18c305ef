# replaces: bottleneck
# loses: test_bottleneck_shapes, test_bottleneck_equivalence
# why: projection shortcut without BatchNorm
<<<<<<< solution
                nn.Conv2d(in_channels, out_channels, 1, stride=stride, bias=False),
                nn.BatchNorm2d(out_channels),
=======
                nn.Conv2d(in_channels, out_channels, 1, stride=stride, bias=False),
>>>>>>> variant
