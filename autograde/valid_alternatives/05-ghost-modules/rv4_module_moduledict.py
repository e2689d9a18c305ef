# replaces: GhostModule
# why: layers kept in an nn.ModuleDict, applied by key; the slice computed up front and the ReLU as a shared module
class GhostModule(nn.Module):
    def __init__(self, in_channels, out_channels, kernel_size=1, ratio=2, dw_size=3, stride=1, relu=True):
        super().__init__()
        init = (out_channels + ratio - 1) // ratio
        self.parts = nn.ModuleDict({
            "conv_a": nn.Conv2d(in_channels, init, kernel_size, stride, kernel_size // 2, bias=False),
            "bn_a": nn.BatchNorm2d(init),
            "conv_b": nn.Conv2d(init, init * (ratio - 1), dw_size, 1, dw_size // 2, groups=init, bias=False),
            "bn_b": nn.BatchNorm2d(init * (ratio - 1)),
        })
        self.act = nn.ReLU() if relu else nn.Identity()
        self.keep = slice(0, out_channels)

    def forward(self, x):
        p = self.parts
        a = self.act(p["bn_a"](p["conv_a"](x)))
        b = self.act(p["bn_b"](p["conv_b"](a)))
        return torch.cat([a, b], dim=1)[:, self.keep]
