# replaces: GhostModule
# why: pads with an nn.ZeroPad2d layer and runs unpadded convolutions (same values, same FLOPs)
class GhostModule(nn.Module):
    def __init__(self, in_channels, out_channels, kernel_size=1, ratio=2, dw_size=3, stride=1, relu=True):
        super().__init__()
        self.out_channels = out_channels
        init = math.ceil(out_channels / ratio)
        new = init * (ratio - 1)
        act = nn.ReLU if relu else nn.Identity
        self.primary = nn.Sequential(nn.ZeroPad2d(kernel_size // 2),
                                     nn.Conv2d(in_channels, init, kernel_size, stride, 0, bias=False),
                                     nn.BatchNorm2d(init), act())
        self.cheap = nn.Sequential(nn.ZeroPad2d(dw_size // 2), nn.Conv2d(init, new, dw_size, groups=init, bias=False),
                                   nn.BatchNorm2d(new), act())

    def forward(self, x):
        x1 = self.primary(x)
        return torch.cat([x1, self.cheap(x1)], dim=1)[:, :self.out_channels]
