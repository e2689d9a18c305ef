# replaces: GhostModule
# why: keeps the first out_channels channels with torch.split instead of slicing, ReLU modules built once
class GhostModule(nn.Module):
    def __init__(self, in_channels, out_channels, kernel_size=1, ratio=2, dw_size=3, stride=1, relu=True):
        super().__init__()
        self.out_channels = out_channels
        init = math.ceil(out_channels / ratio)
        act = [nn.ReLU()] if relu else []
        self.primary = nn.Sequential(nn.Conv2d(in_channels, init, kernel_size, stride, kernel_size // 2, bias=False),
                                     nn.BatchNorm2d(init), *act)
        self.cheap = nn.Sequential(nn.Conv2d(init, init * (ratio - 1), dw_size, 1, dw_size // 2, groups=init, bias=False),
                                   nn.BatchNorm2d(init * (ratio - 1)), *act)

    def forward(self, x):
        x1 = self.primary(x)
        out = torch.cat([x1, self.cheap(x1)], dim=1)
        return torch.split(out, [self.out_channels, out.shape[1] - self.out_channels], dim=1)[0]
