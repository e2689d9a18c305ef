# replaces: mixed0_torch
# loses: test_mixed0_torch_port
# why: max pooling instead of average pooling in the pooling branch
class Mixed0Torch(nn.Module):
    def __init__(self, in_channels=192):
        super().__init__()
        def unit(c_in, c_out, k):
            return nn.Sequential(nn.Conv2d(c_in, c_out, k, padding=k // 2, bias=False),
                                 nn.BatchNorm2d(c_out, eps=1e-3), nn.ReLU())

        self.branch1x1 = unit(in_channels, 64, 1)
        self.branch5x5 = nn.Sequential(unit(in_channels, 48, 1), unit(48, 64, 5))
        self.branch3x3dbl = nn.Sequential(unit(in_channels, 64, 1), unit(64, 96, 3), unit(96, 96, 3))
        self.branch_pool = nn.Sequential(nn.MaxPool2d(3, stride=1, padding=1),
                                         unit(in_channels, 32, 1))

    def forward(self, x):
        return torch.cat([self.branch1x1(x), self.branch5x5(x), self.branch3x3dbl(x), self.branch_pool(x)], dim=1)
