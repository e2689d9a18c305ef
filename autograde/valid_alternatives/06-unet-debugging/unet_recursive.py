# replaces: UNet
# why: recursive definition (each level holds the next one), functional ReLU, crop with F.pad and negative padding
class _Level(nn.Module):
    def __init__(self, c_in, width, levels_below, pad):
        super().__init__()
        self.conv1 = nn.Conv2d(c_in, width, 3, padding=pad)
        self.conv2 = nn.Conv2d(width, width, 3, padding=pad)
        self.inner = None
        if levels_below:
            self.inner = _Level(width, 2 * width, levels_below - 1, pad)
            self.up = nn.ConvTranspose2d(2 * width, width, 2, stride=2)
            self.conv3 = nn.Conv2d(2 * width, width, 3, padding=pad)
            self.conv4 = nn.Conv2d(width, width, 3, padding=pad)

    def forward(self, x):
        x = F.relu(self.conv2(F.relu(self.conv1(x))))
        if self.inner is None:
            return x
        up = self.up(self.inner(F.max_pool2d(x, 2)))
        dh, dw = x.shape[-2] - up.shape[-2], x.shape[-1] - up.shape[-1]
        skip = F.pad(x, [-(dw // 2), -(dw - dw // 2), -(dh // 2), -(dh - dh // 2)])
        return F.relu(self.conv4(F.relu(self.conv3(torch.cat([skip, up], dim=1)))))


class UNet(nn.Module):
    def __init__(self, in_channels, num_classes, base_channels=64, depth=4, padding="same"):
        super().__init__()
        self.body = _Level(in_channels, base_channels, depth, 1 if padding == "same" else 0)
        self.out = nn.Conv2d(base_channels, num_classes, kernel_size=1)

    def forward(self, x):
        return self.out(self.body(x))
