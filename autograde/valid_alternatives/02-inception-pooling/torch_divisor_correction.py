# replaces: mixed0_torch
# why: pools with the default count_include_pad=True and divides by the pooled fraction of valid pixels, which equals
# Keras' average over valid pixels; units are a Module subclass kept in a ModuleList
class ConvBN(nn.Module):
    def __init__(self, c_in, c_out, k):
        super().__init__()
        self.conv = nn.Conv2d(c_in, c_out, (k, k), padding=(k - 1) // 2, bias=False)
        self.bn = nn.BatchNorm2d(c_out, eps=0.001, momentum=0.01)

    def forward(self, x):
        return torch.relu(self.bn(self.conv(x)))


class Mixed0Torch(nn.Module):
    def __init__(self, in_channels=192):
        super().__init__()
        self.paths = nn.ModuleList([
            ConvBN(in_channels, 64, 1),
            nn.Sequential(ConvBN(in_channels, 48, 1), ConvBN(48, 64, 5)),
            nn.Sequential(ConvBN(in_channels, 64, 1), ConvBN(64, 96, 3), ConvBN(96, 96, 3)),
        ])
        self.pool_proj = ConvBN(in_channels, 32, 1)

    def forward(self, x):
        summed = F.avg_pool2d(x, 3, stride=1, padding=1)                       # sum / 9, zeros included
        valid = F.avg_pool2d(torch.ones_like(x[:, :1]), 3, stride=1, padding=1)  # fraction of real pixels
        pooled = summed / valid
        return torch.cat([p(x) for p in self.paths] + [self.pool_proj(pooled)], dim=1)
