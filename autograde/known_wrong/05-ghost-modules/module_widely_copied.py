# replaces: GhostModule
# loses: test_ghost_module_channels, test_ghost_module_spatial, test_ghost_module_forward, test_ghost_module_training
# why: the widely copied module (given the contract's signature): out // ratio intrinsic maps plus a dense 1x1 "cheap" conv to out_channels, concatenated (48 channels for 32), no BN/ReLU, padding 0, stride ignored
class GhostModule(nn.Module):
    def __init__(self, in_channels, out_channels, kernel_size=1, ratio=2, dw_size=3, stride=1, relu=True):
        super().__init__()
        self.primary_conv = nn.Conv2d(in_channels, out_channels // ratio, kernel_size, stride=1, padding=0, bias=False)
        self.cheap_operation = nn.Conv2d(out_channels // ratio, out_channels, 1, stride=1, padding=0, bias=False)

    def forward(self, x):
        x1 = self.primary_conv(x); x2 = self.cheap_operation(x1)
        return torch.cat([x1, x2], dim=1)
