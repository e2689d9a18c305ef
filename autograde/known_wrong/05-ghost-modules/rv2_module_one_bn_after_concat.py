# replaces: GhostModule
# loses: test_ghost_module_forward, test_ghost_module_training
# why: one BatchNorm2d(init + new) on the concatenation: the cheap op reads unnormalised intrinsic maps
class GhostModule(nn.Module):
    def __init__(self, in_channels, out_channels, kernel_size=1, ratio=2, dw_size=3, stride=1, relu=True):
        super().__init__()
        self.out_channels = out_channels
        init = math.ceil(out_channels / ratio)
        new = init * (ratio - 1)
        self.primary = nn.Conv2d(in_channels, init, kernel_size, stride, kernel_size // 2, bias=False)
        self.cheap = nn.Conv2d(init, new, dw_size, 1, dw_size // 2, groups=init, bias=False)
        self.bn = nn.BatchNorm2d(init + new)
        self.relu = relu

    def forward(self, x):
        a = self.primary(x)
        y = self.bn(torch.cat([a, self.cheap(a)], 1))
        return (F.relu(y) if self.relu else y)[:, :self.out_channels]
