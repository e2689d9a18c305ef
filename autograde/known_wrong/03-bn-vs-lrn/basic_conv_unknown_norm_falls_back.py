# replaces: BasicConv2d
# loses: test_basic_conv_none
# why: treats any unrecognised norm as "none", so a typo silently builds a block without normalisation
class BasicConv2d(nn.Module):
    def __init__(self, in_channels, out_channels, norm="bn", **conv_kwargs):
        super().__init__()
        if norm == "bn":
            layers = [nn.Conv2d(in_channels, out_channels, bias=False, **conv_kwargs), nn.BatchNorm2d(out_channels, eps=0.001), nn.ReLU()]
        elif norm == "lrn":
            layers = [nn.Conv2d(in_channels, out_channels, **conv_kwargs), nn.ReLU(), nn.LocalResponseNorm(5, alpha=1e-4, beta=0.75, k=1.0)]
        else:
            layers = [nn.Conv2d(in_channels, out_channels, **conv_kwargs), nn.ReLU()]
        self.layers = nn.Sequential(*layers)

    def forward(self, x):
        return self.layers(x)
