# replaces: ResNeXtBlock
# why: nn.Sequential main path with module ReLUs, shortcut declared first as nn.Identity or a Sequential
class ResNeXtBlock(nn.Module):
    def __init__(self, in_channels, filters, stride=1, groups=32):
        super().__init__()
        if in_channels == 2 * filters and stride == 1:
            self.shortcut = nn.Identity()
        else:
            self.shortcut = nn.Sequential(nn.Conv2d(in_channels, 2 * filters, kernel_size=1, stride=stride, bias=False),
                                          nn.BatchNorm2d(2 * filters))
        self.main = nn.Sequential(
            nn.Conv2d(in_channels, filters, 1, bias=False), nn.BatchNorm2d(filters), nn.ReLU(inplace=True),
            nn.Conv2d(filters, filters, 3, stride, 1, groups=groups, bias=False), nn.BatchNorm2d(filters),
            nn.ReLU(inplace=True),
            nn.Conv2d(filters, 2 * filters, 1, bias=False), nn.BatchNorm2d(2 * filters),
        )
        self.out = nn.ReLU()

    def forward(self, x):
        return self.out(self.main(x) + self.shortcut(x))
