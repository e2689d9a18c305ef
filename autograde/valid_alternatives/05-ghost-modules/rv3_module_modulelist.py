# replaces: GhostModule
# why: the four layers in one nn.ModuleList, stride normalised with a pair, ReLU(inplace=True) applied by flag
class GhostModule(nn.Module):
    def __init__(self, in_channels, out_channels, kernel_size=1, ratio=2, dw_size=3, stride=1, relu=True):
        super().__init__()
        stride = tuple(stride) if isinstance(stride, (tuple, list)) else (stride, stride)
        init = -(-out_channels // ratio)
        self.out_channels, self.relu = out_channels, relu
        self.layers = nn.ModuleList([
            nn.Conv2d(in_channels, init, kernel_size, stride, kernel_size // 2, bias=False), nn.BatchNorm2d(init),
            nn.Conv2d(init, init * (ratio - 1), dw_size, 1, dw_size // 2, groups=init, bias=False),
            nn.BatchNorm2d(init * (ratio - 1)),
        ])
        self.act = nn.ReLU(inplace=True)

    def forward(self, x):
        conv1, bn1, conv2, bn2 = self.layers
        x1 = bn1(conv1(x))
        if self.relu:
            x1 = self.act(x1)
        x2 = bn2(conv2(x1))
        if self.relu:
            x2 = self.act(x2)
        return torch.cat([x1, x2], dim=1)[:, :self.out_channels]
