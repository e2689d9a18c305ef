# replaces: GhostModule
# loses: test_ghost_module_forward, test_ghost_module_training
# why: the cheap operation reads the primary BN output before its ReLU (x1 is activated only for the concatenation)
class GhostModule(nn.Module):
    def __init__(self, in_channels, out_channels, kernel_size=1, ratio=2, dw_size=3, stride=1, relu=True):
        super().__init__()
        self.out_channels = out_channels
        self.relu = relu
        init = math.ceil(out_channels / ratio)
        new = init * (ratio - 1)
        self.conv1 = nn.Conv2d(in_channels, init, kernel_size, stride, kernel_size // 2, bias=False)
        self.bn1 = nn.BatchNorm2d(init)
        self.conv2 = nn.Conv2d(init, new, dw_size, 1, dw_size // 2, groups=init, bias=False)
        self.bn2 = nn.BatchNorm2d(new)

    def forward(self, x):
        pre = self.bn1(self.conv1(x))
        ghosts = self.bn2(self.conv2(pre))
        x1 = F.relu(pre) if self.relu else pre
        x2 = F.relu(ghosts) if self.relu else ghosts
        return torch.cat([x1, x2], dim=1)[:, :self.out_channels]
