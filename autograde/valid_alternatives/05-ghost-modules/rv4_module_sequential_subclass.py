# replaces: GhostModule
# why: subclasses nn.Sequential (primary, cheap) with its own forward; inplace ReLUs; padding="same" where PyTorch allows it (stride 1, odd kernel)
class GhostModule(nn.Sequential):
    def __init__(self, in_channels, out_channels, kernel_size=1, ratio=2, dw_size=3, stride=1, relu=True):
        init = math.ceil(out_channels / ratio)
        new = init * (ratio - 1)
        unit_stride = (stride if isinstance(stride, tuple) else (stride, stride)) == (1, 1)
        padding = "same" if unit_stride and kernel_size % 2 == 1 else kernel_size // 2
        act = (lambda: nn.ReLU(inplace=True)) if relu else nn.Identity
        super().__init__(
            nn.Sequential(nn.Conv2d(in_channels, init, kernel_size, stride, padding, bias=False), nn.BatchNorm2d(init), act()),
            nn.Sequential(nn.Conv2d(init, new, dw_size, 1, "same", groups=init, bias=False), nn.BatchNorm2d(new), act()),
        )
        self.out_channels = out_channels

    def forward(self, x):
        primary, cheap = self[0], self[1]
        x1 = primary(x)
        return torch.cat([x1, cheap(x1)], dim=1)[:, :self.out_channels]
