# replaces: ResNeXtBlock
# loses: test_block_params, test_block_forward
# why: the projection shortcut is a bare 1x1 conv with no BatchNorm, so its scale does not match the main path's
<<<<<<< solution
            self.projection = nn.Sequential(
                nn.Conv2d(in_channels, 2 * filters, 1, stride=stride, bias=False), nn.BatchNorm2d(2 * filters))
=======
            self.projection = nn.Conv2d(in_channels, 2 * filters, 1, stride=stride, bias=False)
>>>>>>> variant
