# replaces: GhostModule
# loses: test_ghost_module_training
# why: freezes the cheap depthwise weights ("they are cheap, no need to learn them"): the ghosts never adapt
class GhostModule(nn.Module):
    def __init__(self, in_channels, out_channels, kernel_size=1, ratio=2, dw_size=3, stride=1, relu=True):
        super().__init__()
        self.out_channels = out_channels
        init = math.ceil(out_channels / ratio)
        new = init * (ratio - 1)
        self.primary_conv = nn.Sequential(nn.Conv2d(in_channels, init, kernel_size, stride, kernel_size // 2, bias=False),
                                          nn.BatchNorm2d(init), nn.ReLU() if relu else nn.Identity())
        self.cheap_operation = nn.Sequential(nn.Conv2d(init, new, dw_size, 1, dw_size // 2, groups=init, bias=False),
                                             nn.BatchNorm2d(new), nn.ReLU() if relu else nn.Identity())
        self.cheap_operation[0].weight.requires_grad_(False)

    def forward(self, x):
        x1 = self.primary_conv(x)
        return torch.cat([x1, self.cheap_operation(x1)], dim=1)[:, :self.out_channels]
