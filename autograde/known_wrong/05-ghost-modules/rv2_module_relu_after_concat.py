# replaces: GhostModule
# loses: test_ghost_module_forward, test_ghost_module_training
# why: one ReLU after the concatenation: the cheap op reads the intrinsic maps before their ReLU
class GhostModule(nn.Module):
    def __init__(self, in_channels, out_channels, kernel_size=1, ratio=2, dw_size=3, stride=1, relu=True):
        super().__init__()
        self.out_channels = out_channels
        init = math.ceil(out_channels / ratio)
        self.primary = nn.Sequential(nn.Conv2d(in_channels, init, kernel_size, stride, kernel_size // 2, bias=False),
                                     nn.BatchNorm2d(init))
        self.cheap = nn.Sequential(nn.Conv2d(init, init * (ratio - 1), dw_size, 1, dw_size // 2, groups=init,
                                             bias=False), nn.BatchNorm2d(init * (ratio - 1)))
        self.act = nn.ReLU() if relu else nn.Identity()

    def forward(self, x):
        a = self.primary(x)
        return self.act(torch.cat([a, self.cheap(a)], 1)[:, :self.out_channels])
