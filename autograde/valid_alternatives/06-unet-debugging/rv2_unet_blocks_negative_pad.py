# replaces: UNet
# why: decoder blocks own their up-convolution; in-place ReLUs; "valid" crops with a negative F.pad instead of
#   center_crop (the same window: (H - h) // 2 rows on top, the rest at the bottom)
class _Down(nn.Module):
    def __init__(self, c_in, c_out, pad):
        super().__init__()
        self.body = nn.Sequential(nn.Conv2d(c_in, c_out, 3, padding=pad), nn.ReLU(inplace=True),
                                  nn.Conv2d(c_out, c_out, 3, padding=pad), nn.ReLU(inplace=True))

    def forward(self, x):
        return self.body(x)


class _Up(nn.Module):
    def __init__(self, c_in, pad):
        super().__init__()
        self.up = nn.ConvTranspose2d(c_in, c_in // 2, kernel_size=2, stride=2)
        self.body = _Down(c_in, c_in // 2, pad)

    def forward(self, x, skip):
        x = self.up(x)
        dh, dw = skip.shape[2] - x.shape[2], skip.shape[3] - x.shape[3]
        skip = F.pad(skip, (-(dw // 2), -(dw - dw // 2), -(dh // 2), -(dh - dh // 2)))
        return self.body(torch.cat((skip, x), 1))


class UNet(nn.Module):
    def __init__(self, in_channels, num_classes, base_channels=64, depth=4, padding="same"):
        super().__init__()
        pad = {"same": 1, "valid": 0}[padding]
        widths = [base_channels << i for i in range(depth + 1)]
        self.encoder = nn.ModuleList(_Down(a, b, pad) for a, b in zip([in_channels] + widths[:-1], widths))
        self.decoder = nn.ModuleList(_Up(widths[i + 1], pad) for i in reversed(range(depth)))
        self.classifier = nn.Conv2d(base_channels, num_classes, kernel_size=1)

    def forward(self, x):
        skips = []
        for i, down in enumerate(self.encoder):
            if i:
                skips.append(x)
                x = F.max_pool2d(x, kernel_size=2, stride=2)
            x = down(x)
        for up in self.decoder:
            x = up(x, skips.pop())
        return self.classifier(x)
