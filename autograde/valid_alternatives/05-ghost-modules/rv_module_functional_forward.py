# replaces: GhostModule
# why: the layers are Conv2d / BatchNorm2d modules (so the weights live where the contract says), but forward computes with F.conv2d and F.batch_norm from their tensors (momentum and eps taken from the BatchNorm modules); the Ghost channels come from Exercise 1's ghost_channels
class GhostModule(nn.Module):
    """Ghost module (Han et al. 2020): (N, in_channels, H, W) -> (N, out_channels, ceil(H/stride), ceil(W/stride))."""

    def __init__(self, in_channels: int, out_channels: int, kernel_size: int = 1, ratio: int = 2,
                 dw_size: int = 3, stride: int | tuple[int, int] = 1, relu: bool = True):
        super().__init__()
        init, new = ghost_channels(out_channels, ratio)
        self.out_channels, self.use_relu, self.init = out_channels, relu, init
        self.k, self.d, self.stride = kernel_size, dw_size, stride
        self.convs = nn.ModuleList([nn.Conv2d(in_channels, init, kernel_size, stride, kernel_size // 2, bias=False),
                                    nn.Conv2d(init, new, dw_size, 1, dw_size // 2, groups=init, bias=False)])
        self.norms = nn.ModuleList([nn.BatchNorm2d(init), nn.BatchNorm2d(new)])

    def _bn(self, y, bn):
        return F.batch_norm(y, bn.running_mean, bn.running_var, bn.weight, bn.bias, self.training, bn.momentum, bn.eps)

    def forward(self, x):
        y1 = self._bn(F.conv2d(x, self.convs[0].weight, stride=self.stride, padding=self.k // 2), self.norms[0])
        if self.use_relu:
            y1 = F.relu(y1)
        y2 = self._bn(F.conv2d(y1, self.convs[1].weight, padding=self.d // 2, groups=self.init), self.norms[1])
        if self.use_relu:
            y2 = F.relu(y2)
        return torch.cat([y1, y2], 1).narrow(1, 0, self.out_channels)
