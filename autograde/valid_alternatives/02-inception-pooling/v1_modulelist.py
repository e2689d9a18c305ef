# replaces: inception_v1
# why: branches kept in an nn.ModuleList and concatenated in a loop; the conv unit is a small nn.Module subclass
class ConvBNReLU(nn.Module):
    def __init__(self, c_in, c_out, kernel_size):
        super().__init__()
        self.conv = nn.Conv2d(c_in, c_out, kernel_size, padding=(kernel_size - 1) // 2, bias=False)
        self.bn = nn.BatchNorm2d(c_out, eps=1e-3)

    def forward(self, x):
        return F.relu(self.bn(self.conv(x)))


class InceptionV1(nn.Module):
    def __init__(self, in_channels, ch1x1, ch3x3red, ch3x3, ch5x5red, ch5x5, pool_proj):
        super().__init__()
        self.branches = nn.ModuleList([
            ConvBNReLU(in_channels, ch1x1, 1),
            nn.Sequential(ConvBNReLU(in_channels, ch3x3red, 1), ConvBNReLU(ch3x3red, ch3x3, 3)),
            nn.Sequential(ConvBNReLU(in_channels, ch5x5red, 1), ConvBNReLU(ch5x5red, ch5x5, 5)),
            nn.Sequential(nn.MaxPool2d(kernel_size=3, stride=1, padding=1, ceil_mode=True),
                          ConvBNReLU(in_channels, pool_proj, 1)),
        ])

    def forward(self, x):
        return torch.cat([branch(x) for branch in self.branches], dim=1)
