# replaces: GhostModule
# why: four named layers, ReLU through F.relu behind a flag, the slice by Tensor.narrow; stride normalised with nn.modules.utils._pair
class GhostModule(nn.Module):
    def __init__(self, in_channels, out_channels, kernel_size=1, ratio=2, dw_size=3, stride=1, relu=True):
        super().__init__()
        init, new = ghost_channels(out_channels, ratio)
        self.keep, self.use_relu = out_channels, relu
        self.primary_conv = nn.Conv2d(in_channels, init, kernel_size, stride=nn.modules.utils._pair(stride),
                                      padding=kernel_size // 2, bias=False)
        self.primary_bn = nn.BatchNorm2d(init)
        self.cheap_conv = nn.Conv2d(init, new, dw_size, stride=1, padding=dw_size // 2, groups=init, bias=False)
        self.cheap_bn = nn.BatchNorm2d(new)

    def _act(self, t):
        return F.relu(t) if self.use_relu else t

    def forward(self, x):
        x1 = self._act(self.primary_bn(self.primary_conv(x)))
        x2 = self._act(self.cheap_bn(self.cheap_conv(x1)))
        return torch.cat((x1, x2), 1).narrow(1, 0, self.keep)
