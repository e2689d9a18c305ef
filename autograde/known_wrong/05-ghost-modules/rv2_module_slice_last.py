# replaces: GhostModule
# loses: test_ghost_module_forward, test_ghost_module_training
# why: keeps the LAST out_channels channels: drops intrinsic maps instead of the surplus ghosts when ceil rounds up
class GhostModule(nn.Module):
    def __init__(self, in_channels, out_channels, kernel_size=1, ratio=2, dw_size=3, stride=1, relu=True):
        super().__init__()
        self.out_channels = out_channels
        init = math.ceil(out_channels / ratio)
        new = init * (ratio - 1)
        self.init, self.new, self.ratio = init, new, ratio
        act = (lambda: nn.ReLU(inplace=True)) if relu else nn.Identity
        self.primary = nn.Sequential(nn.Conv2d(in_channels, init, kernel_size, stride, kernel_size // 2, bias=False),
                                     nn.BatchNorm2d(init), act())
        self.cheap = nn.Sequential(nn.Conv2d(init, new, dw_size, 1, dw_size // 2, groups=init, bias=False),
                                   nn.BatchNorm2d(new), act())

    def forward(self, x):
        a = self.primary(x)
        g = self.cheap(a)
        return torch.cat([a, g], 1)[:, -self.out_channels:]
