# replaces: mixed0_torch
# why: layers as separate attributes in another registration order, functional pooling and ReLU in forward
class Mixed0Torch(nn.Module):
    def __init__(self, in_channels=192):
        super().__init__()
        specs = {"pool": (in_channels, 32, 1), "dbl3": (96, 96, 3), "dbl2": (64, 96, 3), "dbl1": (in_channels, 64, 1),
                 "b5_2": (48, 64, 5), "b5_1": (in_channels, 48, 1), "b1": (in_channels, 64, 1)}
        self.convs = nn.ModuleDict({n: nn.Conv2d(i, o, k, padding=k // 2, bias=False) for n, (i, o, k) in specs.items()})
        self.bns = nn.ModuleDict({n: nn.BatchNorm2d(o, eps=1e-3) for n, (i, o, k) in specs.items()})

    def _unit(self, name, x):
        return F.relu(self.bns[name](self.convs[name](x)))

    def forward(self, x):
        b1 = self._unit("b1", x)
        b5 = self._unit("b5_2", self._unit("b5_1", x))
        b3 = self._unit("dbl3", self._unit("dbl2", self._unit("dbl1", x)))
        bp = self._unit("pool", F.avg_pool2d(x, 3, 1, 1, count_include_pad=False))
        return torch.cat((b1, b5, b3, bp), dim=1)
