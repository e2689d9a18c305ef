# replaces: GhostModule
# why: cuts the surplus from the ghosts before concatenating (the same channels as cat(...)[:, :out]), explicit layers, F.relu by flag
class GhostModule(nn.Module):
    def __init__(self, in_channels, out_channels, kernel_size=1, ratio=2, dw_size=3, stride=1, relu=True):
        super().__init__()
        init = math.ceil(out_channels / ratio)
        self.keep_ghosts = out_channels - init
        self.relu = relu
        self.conv_a = nn.Conv2d(in_channels, init, kernel_size, stride=stride, padding=kernel_size // 2, bias=False)
        self.norm_a = nn.BatchNorm2d(init)
        self.conv_b = nn.Conv2d(init, init * (ratio - 1), dw_size, padding=dw_size // 2, groups=init, bias=False)
        self.norm_b = nn.BatchNorm2d(init * (ratio - 1))

    def forward(self, x):
        a = self.norm_a(self.conv_a(x))
        if self.relu:
            a = F.relu(a)
        b = self.norm_b(self.conv_b(a))
        if self.relu:
            b = F.relu(b)
        return torch.cat([a, b[:, :self.keep_ghosts]], dim=1)
