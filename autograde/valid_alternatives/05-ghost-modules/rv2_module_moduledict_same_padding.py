# replaces: GhostModule
# why: ModuleDict, _pair for the stride, padding='same' for the stride-1 cheap conv, torch.narrow for the slice
from torch.nn.modules.utils import _pair


class GhostModule(nn.Module):
    def __init__(self, in_channels, out_channels, kernel_size=1, ratio=2, dw_size=3, stride=1, relu=True):
        super().__init__()
        n_int = -(-out_channels // ratio)
        n_new = n_int * (ratio - 1)
        self.keep = out_channels
        self.use_relu = relu
        self.parts = nn.ModuleDict({
            "conv_a": nn.Conv2d(in_channels, n_int, kernel_size, stride=_pair(stride), padding=kernel_size // 2,
                                bias=False),
            "bn_a": nn.BatchNorm2d(n_int, eps=1e-5, momentum=0.1),
            "conv_b": nn.Conv2d(n_int, n_new, dw_size, padding="same", groups=n_int, bias=False),
            "bn_b": nn.BatchNorm2d(n_new, eps=1e-5, momentum=0.1),
        })

    def forward(self, x):
        p = self.parts
        a = p["bn_a"](p["conv_a"](x))
        if self.use_relu:
            a = F.relu(a)
        b = p["bn_b"](p["conv_b"](a))
        if self.use_relu:
            b = F.relu(b)
        return torch.narrow(torch.cat((a, b), dim=1), 1, 0, self.keep)
