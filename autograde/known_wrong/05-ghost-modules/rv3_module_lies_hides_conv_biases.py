# replaces: GhostModule
# loses: test_ghost_module_training
# why: both convolutions keep a bias (zero-initialised, so BatchNorm cancels it and no output changes: 8 parameter tensors where the contract says bias=False and Exercise 3 counts 6) and hides it: named_parameters(), hence parameters(), skips the two conv biases
class GhostModule(nn.Module):
    def __init__(self, in_channels, out_channels, kernel_size=1, ratio=2, dw_size=3, stride=1, relu=True):
        super().__init__()
        self.out_channels = out_channels
        init = math.ceil(out_channels / ratio)
        new = init * (ratio - 1)
        act = nn.ReLU if relu else nn.Identity
        self.primary = nn.Sequential(nn.Conv2d(in_channels, init, kernel_size, stride, kernel_size // 2),
                                     nn.BatchNorm2d(init), act())
        self.cheap = nn.Sequential(nn.Conv2d(init, new, dw_size, 1, dw_size // 2, groups=init),
                                   nn.BatchNorm2d(new), act())
        with torch.no_grad():
            self.primary[0].bias.zero_()
            self.cheap[0].bias.zero_()

    def named_parameters(self, prefix="", recurse=True, remove_duplicate=True):
        hidden = (self.primary[0].bias, self.cheap[0].bias)
        for name, p in super().named_parameters(prefix, recurse, remove_duplicate):
            if all(p is not h for h in hidden):
                yield name, p

    def forward(self, x):
        x1 = self.primary(x)
        return torch.cat([x1, self.cheap(x1)], dim=1)[:, :self.out_channels]
