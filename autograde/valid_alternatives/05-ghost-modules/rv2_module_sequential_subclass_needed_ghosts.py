# replaces: GhostModule
# why: an nn.Sequential subclass with its own forward; concatenates only the ghosts that survive the slice
class GhostModule(nn.Sequential):
    def __init__(self, in_channels, out_channels, kernel_size=1, ratio=2, dw_size=3, stride=1, relu=True):
        init = math.ceil(out_channels / ratio)
        new = init * (ratio - 1)
        super().__init__(
            nn.Conv2d(in_channels, init, kernel_size, stride, kernel_size // 2, bias=False),
            nn.BatchNorm2d(init),
            nn.ReLU() if relu else nn.Identity(),
            nn.Conv2d(init, new, dw_size, 1, dw_size // 2, groups=init, bias=False),
            nn.BatchNorm2d(new),
            nn.ReLU() if relu else nn.Identity(),
        )
        self.out_channels = out_channels
        self.init = init

    def forward(self, x):
        a = self[2](self[1](self[0](x)))
        g = self[5](self[4](self[3](a)))
        return torch.cat([a, g[:, : self.out_channels - self.init]], dim=1)
