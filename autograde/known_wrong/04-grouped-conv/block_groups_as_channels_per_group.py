# replaces: ResNeXtBlock
# loses: test_block_params, test_block_forward
# why: passes the channels per group to nn.Conv2d's `groups` (groups=filters//groups), the "32x4d means groups=4" confusion
<<<<<<< solution
        self.conv2 = nn.Conv2d(filters, filters, 3, stride=stride, padding=1, groups=groups, bias=False)
=======
        self.conv2 = nn.Conv2d(filters, filters, 3, stride=stride, padding=1, groups=filters // groups, bias=False)
>>>>>>> variant
