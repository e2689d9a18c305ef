# replaces: GhostModule
# why: the cheap operation written as a per-channel (groups=new) depthwise conv of the intrinsic maps repeated ratio - 1 times each (repeat_interleave): the same weights (new, 1, d, d), the same ghost order and the same multiply-adds as Conv2d(init, new, groups=init); explicit attributes, F.relu in forward, stride normalised to a pair
class GhostModule(nn.Module):
    """Ghost module (Han et al. 2020): (N, in_channels, H, W) -> (N, out_channels, ceil(H/stride), ceil(W/stride))."""

    def __init__(self, in_channels: int, out_channels: int, kernel_size: int = 1, ratio: int = 2,
                 dw_size: int = 3, stride: int | tuple[int, int] = 1, relu: bool = True):
        super().__init__()
        stride = (stride, stride) if isinstance(stride, int) else tuple(int(s) for s in stride)
        self.keep, self.copies, self.relu = out_channels, ratio - 1, relu
        intrinsic = -(-out_channels // ratio)
        ghosts = intrinsic * (ratio - 1)
        self.conv = nn.Conv2d(in_channels, intrinsic, kernel_size, stride=stride, padding=kernel_size // 2, bias=False)
        self.bn = nn.BatchNorm2d(intrinsic)
        self.ghost_conv = nn.Conv2d(ghosts, ghosts, dw_size, padding=dw_size // 2, groups=ghosts, bias=False)
        self.ghost_bn = nn.BatchNorm2d(ghosts)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        act = F.relu if self.relu else (lambda t: t)
        intrinsic = act(self.bn(self.conv(x)))
        ghosts = act(self.ghost_bn(self.ghost_conv(intrinsic.repeat_interleave(self.copies, dim=1))))
        return torch.cat((intrinsic, ghosts), dim=1)[:, :self.keep]
