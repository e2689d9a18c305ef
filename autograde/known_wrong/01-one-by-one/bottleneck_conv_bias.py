# replaces: bottleneck
# loses: test_bottleneck_shapes
# why: convolutions with biases: wasted parameters, since the BatchNorm that follows removes any per-channel shift
class Bottleneck(nn.Module):
    def __init__(self, in_channels, mid_channels, out_channels, stride=1):
        super().__init__()
        s1, s2 = (1, stride)
        self.main = nn.Sequential(
            nn.Conv2d(in_channels, mid_channels, 1, stride=s1, bias=True), nn.BatchNorm2d(mid_channels), nn.ReLU(),
            nn.Conv2d(mid_channels, mid_channels, 3, stride=s2, padding=1, bias=True), nn.BatchNorm2d(mid_channels), nn.ReLU(),
            nn.Conv2d(mid_channels, out_channels, 1, bias=True), nn.BatchNorm2d(out_channels),
        )
        if in_channels == out_channels and stride == 1:
            self.shortcut = nn.Identity()
        else:
            self.shortcut = nn.Sequential(nn.Conv2d(in_channels, out_channels, 1, stride=stride, bias=True), nn.BatchNorm2d(out_channels))

    def forward(self, x):
        return F.relu(self.main(x) + self.shortcut(x))
