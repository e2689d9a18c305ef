# replaces: GhostModule
# loses: test_ghost_module_forward, test_ghost_module_training
# why: the forward calls F.batch_norm with training=False: same outputs in eval mode, but training normalises with the running statistics and never updates them
class GhostModule(nn.Module):
    def __init__(self, in_channels, out_channels, kernel_size=1, ratio=2, dw_size=3, stride=1, relu=True):
        super().__init__()
        self.out_channels, self.relu = out_channels, relu
        init = math.ceil(out_channels / ratio)
        new = init * (ratio - 1)
        self.conv1 = nn.Conv2d(in_channels, init, kernel_size, stride, kernel_size // 2, bias=False)
        self.bn1 = nn.BatchNorm2d(init)
        self.conv2 = nn.Conv2d(init, new, dw_size, 1, dw_size // 2, groups=init, bias=False)
        self.bn2 = nn.BatchNorm2d(new)

    def _bn(self, bn, x):
        return F.batch_norm(x, bn.running_mean, bn.running_var, bn.weight, bn.bias, False, bn.momentum, bn.eps)

    def forward(self, x):
        x1 = self._bn(self.bn1, self.conv1(x))
        x1 = F.relu(x1) if self.relu else x1
        x2 = self._bn(self.bn2, self.conv2(x1))
        x2 = F.relu(x2) if self.relu else x2
        return torch.cat([x1, x2], dim=1)[:, :self.out_channels]
