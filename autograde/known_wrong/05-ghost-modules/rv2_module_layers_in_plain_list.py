# replaces: GhostModule
# loses: test_ghost_module_forward, test_ghost_module_training, test_replace_flat, test_replace_nested
# why: layers kept in a Python list: not registered, so no parameters, no state_dict, eval() does not reach them
class GhostModule(nn.Module):
    def __init__(self, in_channels, out_channels, kernel_size=1, ratio=2, dw_size=3, stride=1, relu=True):
        super().__init__()
        self.out_channels = out_channels
        init = math.ceil(out_channels / ratio)
        new = init * (ratio - 1)
        self.primary = [nn.Conv2d(in_channels, init, kernel_size, stride, kernel_size // 2, bias=False),
                        nn.BatchNorm2d(init)]
        self.cheap = [nn.Conv2d(init, new, dw_size, 1, dw_size // 2, groups=init, bias=False), nn.BatchNorm2d(new)]
        self.relu = relu

    def forward(self, x):
        a = x
        for layer in self.primary:
            a = layer(a)
        a = F.relu(a) if self.relu else a
        g = a
        for layer in self.cheap:
            g = layer(g)
        g = F.relu(g) if self.relu else g
        return torch.cat([a, g], 1)[:, :self.out_channels]
