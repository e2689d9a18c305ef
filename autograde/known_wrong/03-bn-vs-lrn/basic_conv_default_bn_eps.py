# replaces: BasicConv2d
# loses: test_basic_conv_bn
# why: uses BatchNorm2d's default eps=1e-5 instead of GoogLeNet's 0.001 (inherited from the TensorFlow weights)
class BasicConv2d(nn.Module):
    def __init__(self, in_channels, out_channels, norm="bn", **conv_kwargs):
        super().__init__()
        if norm == "bn":
            layers = [nn.Conv2d(in_channels, out_channels, bias=False, **conv_kwargs), nn.BatchNorm2d(out_channels), nn.ReLU()]
        elif norm == "lrn":
            layers = [nn.Conv2d(in_channels, out_channels, **conv_kwargs), nn.ReLU(), nn.LocalResponseNorm(5, alpha=1e-4, beta=0.75, k=1.0)]
        elif norm == "none":
            layers = [nn.Conv2d(in_channels, out_channels, **conv_kwargs), nn.ReLU()]
        else:
            raise ValueError(norm)
        self.layers = nn.Sequential(*layers)

    def forward(self, x):
        return self.layers(x)
