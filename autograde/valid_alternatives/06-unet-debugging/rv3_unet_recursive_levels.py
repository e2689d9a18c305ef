# replaces: UNet
# why: one nn.Module per level that holds the level below it (the nesting of the paper's figure), built recursively; ReLU as nn.ReLU modules
class _Level(nn.Module):
    def __init__(self, c_in, base, level, depth, pad, valid):
        super().__init__()
        width = base * 2 ** level
        self.valid = valid
        self.encode = nn.Sequential(nn.Conv2d(c_in, width, 3, padding=pad), nn.ReLU(inplace=True),
                                    nn.Conv2d(width, width, 3, padding=pad), nn.ReLU(inplace=True))
        self.inner = None
        if level < depth:
            self.inner = _Level(width, base, level + 1, depth, pad, valid)
            self.pool = nn.MaxPool2d(2)
            self.up = nn.ConvTranspose2d(2 * width, width, 2, stride=2)
            self.decode = nn.Sequential(nn.Conv2d(2 * width, width, 3, padding=pad), nn.ReLU(inplace=True),
                                        nn.Conv2d(width, width, 3, padding=pad), nn.ReLU(inplace=True))

    def forward(self, x):
        skip = self.encode(x)
        if self.inner is None:
            return skip
        up = self.up(self.inner(self.pool(skip)))
        if self.valid:
            skip = center_crop(skip, up.shape[2], up.shape[3])
        return self.decode(torch.cat((skip, up), 1))


class UNet(nn.Module):
    def __init__(self, in_channels, num_classes, base_channels=64, depth=4, padding="same"):
        super().__init__()
        if padding not in ("same", "valid"):
            raise ValueError(padding)
        self.body = _Level(in_channels, base_channels, 0, depth, 1 if padding == "same" else 0, padding == "valid")
        self.classifier = nn.Conv2d(base_channels, num_classes, kernel_size=1)

    def forward(self, x):
        return self.classifier(self.body(x))
