# replaces: GhostModule
# loses: test_ghost_module_training
# why: for kernel_size=1 runs the primary conv at stride 1 and subsamples its output (same numbers, stride_h * stride_w times the cost); strided kernels > 1 are done right, which is what the visible FLOPs test uses
class GhostModule(nn.Module):
    def __init__(self, in_channels, out_channels, kernel_size=1, ratio=2, dw_size=3, stride=1, relu=True):
        super().__init__()
        self.out_channels = out_channels
        self.stride = (stride, stride) if isinstance(stride, int) else tuple(stride)
        self.late = kernel_size == 1
        init = math.ceil(out_channels / ratio)
        new = init * (ratio - 1)
        act = nn.ReLU if relu else nn.Identity
        self.primary = nn.Sequential(nn.Conv2d(in_channels, init, kernel_size, 1 if self.late else stride,
                                               kernel_size // 2, bias=False), nn.BatchNorm2d(init), act())
        self.cheap = nn.Sequential(nn.Conv2d(init, new, dw_size, 1, dw_size // 2, groups=init, bias=False),
                                   nn.BatchNorm2d(new), act())

    def forward(self, x):
        if self.late:
            x1 = self.primary[2](self.primary[1](self.primary[0](x)[:, :, ::self.stride[0], ::self.stride[1]]))
        else:
            x1 = self.primary(x)
        return torch.cat([x1, self.cheap(x1)], dim=1)[:, :self.out_channels]
