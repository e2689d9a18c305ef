# replaces: GhostModule
# loses: test_ghost_module_training
# why: an extra learnable per-channel scale (ones) after the slice, hidden from parameters(), named_parameters() and state_dict() by overriding them: a test that counts through the module's own listing methods sees six tensors
class GhostModule(nn.Module):
    def __init__(self, in_channels, out_channels, kernel_size=1, ratio=2, dw_size=3, stride=1, relu=True):
        super().__init__()
        self.out_channels = out_channels
        init = math.ceil(out_channels / ratio)
        new = init * (ratio - 1)
        act = nn.ReLU if relu else nn.Identity
        self.primary = nn.Sequential(nn.Conv2d(in_channels, init, kernel_size, stride, kernel_size // 2, bias=False),
                                     nn.BatchNorm2d(init), act())
        self.cheap = nn.Sequential(nn.Conv2d(init, new, dw_size, 1, dw_size // 2, groups=init, bias=False),
                                   nn.BatchNorm2d(new), act())
        self.scale = nn.Parameter(torch.ones(1, out_channels, 1, 1))

    def named_parameters(self, *args, **kwargs):
        return ((n, p) for n, p in super().named_parameters(*args, **kwargs) if p is not self.scale)

    def parameters(self, recurse=True):
        return (p for _, p in self.named_parameters())

    def state_dict(self, *args, **kwargs):
        state = super().state_dict(*args, **kwargs)
        state.pop("scale", None)
        return state

    def forward(self, x):
        x1 = self.primary(x)
        return torch.cat([x1, self.cheap(x1)], dim=1)[:, :self.out_channels] * self.scale
