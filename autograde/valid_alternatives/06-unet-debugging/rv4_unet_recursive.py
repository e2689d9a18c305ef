# replaces: UNet
# why: recursive structure: each level is a module holding its encoder block, the inner level, its up-convolution and decoder block; crop by its own slicing
class _Level(nn.Module):
    def __init__(self, c_in, width, remaining, pad):
        super().__init__()
        def block(a, b):
            return nn.Sequential(nn.Conv2d(a, b, 3, padding=pad), nn.ReLU(inplace=True),
                                 nn.Conv2d(b, b, 3, padding=pad), nn.ReLU(inplace=True))
        self.encode = block(c_in, width)
        self.inner = _Level(width, 2 * width, remaining - 1, pad) if remaining > 0 else None
        if self.inner is not None:
            self.up = nn.ConvTranspose2d(2 * width, width, kernel_size=2, stride=2)
            self.decode = block(2 * width, width)

    def forward(self, x):
        x = self.encode(x)
        if self.inner is None:
            return x
        up = self.up(self.inner(nn.functional.max_pool2d(x, kernel_size=2, stride=2)))
        dh, dw = x.size(2) - up.size(2), x.size(3) - up.size(3)
        skip = x[:, :, dh // 2: dh // 2 + up.size(2), dw // 2: dw // 2 + up.size(3)]
        return self.decode(torch.cat((skip, up), 1))


class UNet(nn.Module):
    def __init__(self, in_channels: int, num_classes: int, base_channels: int = 64, depth: int = 4,
                 padding: str = "same"):
        super().__init__()
        self.body = _Level(in_channels, base_channels, depth, {"same": 1, "valid": 0}[padding])
        self.classify = nn.Conv2d(base_channels, num_classes, kernel_size=1)

    def forward(self, x):
        return self.classify(self.body(x))
