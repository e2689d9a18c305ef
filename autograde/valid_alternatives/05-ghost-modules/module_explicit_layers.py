# replaces: GhostModule
# why: explicit layers and F.relu in forward instead of nn.Sequential, other attribute names, integer ceiling
class GhostModule(nn.Module):
    def __init__(self, in_channels, out_channels, kernel_size=1, ratio=2, dw_size=3, stride=1, relu=True):
        super().__init__()
        self.oup = out_channels
        self.use_relu = relu
        intrinsic = -(-out_channels // ratio)
        self.conv = nn.Conv2d(in_channels, intrinsic, kernel_size, stride=stride, padding=kernel_size // 2, bias=False)
        self.bn = nn.BatchNorm2d(intrinsic)
        self.dw = nn.Conv2d(intrinsic, intrinsic * (ratio - 1), dw_size, padding=dw_size // 2, groups=intrinsic,
                            bias=False)
        self.dw_bn = nn.BatchNorm2d(intrinsic * (ratio - 1))

    def forward(self, x):
        a = self.bn(self.conv(x))
        if self.use_relu:
            a = F.relu(a)
        b = self.dw_bn(self.dw(a))
        if self.use_relu:
            b = F.relu(b)
        return torch.cat((a, b), 1)[:, :self.oup, :, :]
