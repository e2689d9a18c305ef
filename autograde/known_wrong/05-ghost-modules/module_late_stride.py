# replaces: GhostModule
# loses: test_ghost_module_training
# why: runs the primary conv at stride 1 and subsamples its output afterwards: the same numbers, but the primary conv costs stride**2 times its FLOPs
class GhostModule(nn.Module):
    def __init__(self, in_channels, out_channels, kernel_size=1, ratio=2, dw_size=3, stride=1, relu=True):
        super().__init__()
        self.out_channels = out_channels
        self.stride = (stride, stride) if isinstance(stride, int) else tuple(stride)
        init = math.ceil(out_channels / ratio)
        new = init * (ratio - 1)
        self.primary_conv = nn.Sequential(nn.Conv2d(in_channels, init, kernel_size, 1, kernel_size // 2, bias=False),
                                          nn.BatchNorm2d(init), nn.ReLU() if relu else nn.Identity())
        self.cheap_operation = nn.Sequential(nn.Conv2d(init, new, dw_size, 1, dw_size // 2, groups=init, bias=False),
                                             nn.BatchNorm2d(new), nn.ReLU() if relu else nn.Identity())

    def forward(self, x):
        conv, bn, act = self.primary_conv
        x1 = act(bn(conv(x)[:, :, ::self.stride[0], ::self.stride[1]]))
        x2 = self.cheap_operation(x1)
        return torch.cat([x1, x2], dim=1)[:, :self.out_channels]
