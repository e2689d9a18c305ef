# replaces: GhostModule
# why: validates and normalises the stride (an int or a pair of positive ints) to a tuple before building the layers
class GhostModule(nn.Module):
    def __init__(self, in_channels, out_channels, kernel_size=1, ratio=2, dw_size=3, stride=1, relu=True):
        super().__init__()
        if isinstance(stride, int):
            stride = (stride, stride)
        stride = tuple(int(s) for s in stride)
        if len(stride) != 2 or min(stride) < 1:
            raise ValueError(f"stride must be a positive int or a pair of them, got {stride!r}")
        self.keep = out_channels
        init = -(-out_channels // ratio)
        layers = [nn.Conv2d(in_channels, init, kernel_size, stride=stride, padding=kernel_size // 2, bias=False),
                  nn.BatchNorm2d(init)]
        cheap = [nn.Conv2d(init, init * (ratio - 1), dw_size, padding=dw_size // 2, groups=init, bias=False),
                 nn.BatchNorm2d(init * (ratio - 1))]
        if relu:
            layers.append(nn.ReLU())
            cheap.append(nn.ReLU())
        self.primary, self.cheap = nn.Sequential(*layers), nn.Sequential(*cheap)

    def forward(self, x):
        intrinsic = self.primary(x)
        return torch.cat([intrinsic, self.cheap(intrinsic)], dim=1)[:, :self.keep]
