# replaces: inception_v1
# loses: test_inception_v1_shape, test_inception_v1_forward
# why: copies torchvision's known bug: a 3x3 conv (padding 1) where the paper's 5x5 branch has a 5x5
class InceptionV1(nn.Module):
    def __init__(self, in_channels, ch1x1, ch3x3red, ch3x3, ch5x5red, ch5x5, pool_proj):
        super().__init__()
        def unit(c_in, c_out, k):
            return nn.Sequential(nn.Conv2d(c_in, c_out, k, padding=k // 2, bias=False),
                                 nn.BatchNorm2d(c_out, eps=0.001), nn.ReLU(inplace=True))

        self.branch1 = unit(in_channels, ch1x1, 1)
        self.branch2 = nn.Sequential(unit(in_channels, ch3x3red, 1), unit(ch3x3red, ch3x3, 3))
        self.branch3 = nn.Sequential(unit(in_channels, ch5x5red, 1), unit(ch5x5red, ch5x5, 3))
        self.branch4 = nn.Sequential(nn.MaxPool2d(3, stride=1, padding=1, ceil_mode=True),
                                     unit(in_channels, pool_proj, 1))

    def forward(self, x):
        return torch.cat([self.branch1(x), self.branch2(x), self.branch3(x), self.branch4(x)], dim=1)
