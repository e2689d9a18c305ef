# replaces: GhostModule
# loses: test_ghost_module_training
# why: BatchNorm2d(momentum=0.0): same outputs and gradients, but the running statistics never move in training
class GhostModule(nn.Module):
    def __init__(self, in_channels, out_channels, kernel_size=1, ratio=2, dw_size=3, stride=1, relu=True):
        super().__init__()
        self.out_channels = out_channels
        init = math.ceil(out_channels / ratio)
        new = init * (ratio - 1)
        act = nn.ReLU if relu else nn.Identity
        self.primary = nn.Sequential(nn.Conv2d(in_channels, init, kernel_size, stride, kernel_size // 2, bias=False),
                                     nn.BatchNorm2d(init, momentum=0.0), act())
        self.cheap = nn.Sequential(nn.Conv2d(init, new, dw_size, 1, dw_size // 2, groups=init, bias=False),
                                   nn.BatchNorm2d(new, momentum=0.0), act())

    def forward(self, x):
        x1 = self.primary(x)
        return torch.cat([x1, self.cheap(x1)], dim=1)[:, :self.out_channels]
