# replaces: BasicConv2d
# loses: test_basic_conv_bn
# why: keeps the convolution's bias before BN; BN subtracts it again, so it is C wasted parameters
class BasicConv2d(nn.Module):
    def __init__(self, in_channels, out_channels, norm="bn", **conv_kwargs):
        super().__init__()
        if norm not in ("bn", "lrn", "none"):
            raise ValueError(norm)
        self.conv = nn.Conv2d(in_channels, out_channels, **conv_kwargs)
        self.norm = norm
        self.bn = nn.BatchNorm2d(out_channels, eps=0.001) if norm == "bn" else None
        self.lrn = nn.LocalResponseNorm(5, alpha=1e-4, beta=0.75, k=1.0)

    def forward(self, x):
        x = self.conv(x)
        if self.norm == "bn":
            x = self.bn(x)
        x = F.relu(x)
        return self.lrn(x) if self.norm == "lrn" else x
