# replaces: ResNeXtBlock
# loses: test_block_shapes, test_block_params, test_block_forward
# why: projects the shortcut only when the channel count changes, so a stride-2 block with matching channels adds mismatched H, W
class ResNeXtBlock(nn.Module):
    def __init__(self, in_channels, filters, stride=1, groups=32):
        super().__init__()
        self.conv1 = nn.Conv2d(in_channels, filters, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(filters)
        self.conv2 = nn.Conv2d(filters, filters, 3, stride=stride, padding=1, groups=groups, bias=False)
        self.bn2 = nn.BatchNorm2d(filters)
        self.conv3 = nn.Conv2d(filters, 2 * filters, 1, bias=False)
        self.bn3 = nn.BatchNorm2d(2 * filters)
        self.projection = None
        if in_channels != 2 * filters:
            self.projection = nn.Sequential(
                nn.Conv2d(in_channels, 2 * filters, 1, stride=stride, bias=False), nn.BatchNorm2d(2 * filters))

    def forward(self, x):
        y = F.relu(self.bn1(self.conv1(x)))
        y = F.relu(self.bn2(self.conv2(y)))
        y = self.bn3(self.conv3(y))
        shortcut = x if self.projection is None else self.projection(x)
        return F.relu(y + shortcut)
