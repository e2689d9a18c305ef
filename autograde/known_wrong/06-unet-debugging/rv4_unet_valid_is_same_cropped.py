# replaces: UNet
# loses: test_unet_shapes, test_unet_forward
# why: cheap: 'valid' builds the padded network and crops its output to the valid size (right shape, wrong values)
def _double_conv(c_in, c_out, pad):
    return nn.Sequential(nn.Conv2d(c_in, c_out, 3, padding=pad), nn.ReLU(),
                         nn.Conv2d(c_out, c_out, 3, padding=pad), nn.ReLU())


class UNet(nn.Module):
    def __init__(self, in_channels: int, num_classes: int, base_channels: int = 64, depth: int = 4,
                 padding: str = "same"):
        super().__init__()
        pad = 1
        self.crop = False
        self.valid = padding != "same"
        self.depth = depth
        self.down = nn.ModuleList()
        c = in_channels
        for level in range(depth):
            self.down.append(_double_conv(c, base_channels * 2 ** level, pad))
            c = base_channels * 2 ** level
        self.bottom = _double_conv(c, base_channels * 2 ** depth, pad)
        self.ups, self.dec = nn.ModuleList(), nn.ModuleList()
        for level in reversed(range(depth)):
            f = base_channels * 2 ** level
            self.ups.append(nn.ConvTranspose2d(2 * f, f, 2, stride=2))
            self.dec.append(_double_conv(2 * f, f, pad))
        self.head = nn.Conv2d(base_channels, num_classes, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        skips = []
        for block in self.down:
            x = block(x)
            skips.append(x)
            x = F.max_pool2d(x, 2)
        x = self.bottom(x)
        for up, block, skip in zip(self.ups, self.dec, reversed(skips)):
            x = up(x)
            if self.crop:
                skip = center_crop(skip, x.shape[-2], x.shape[-1])
            x = block(torch.cat([skip, x], dim=1))
        x = self.head(x)
        if self.valid:
            size = x.shape[-1]
            for _ in range(self.depth):
                size = (size - 4) // 2
            size -= 4
            for _ in range(self.depth):
                size = 2 * size - 4
            hs = x.shape[-2]
            for _ in range(self.depth):
                hs = (hs - 4) // 2
            hs -= 4
            for _ in range(self.depth):
                hs = 2 * hs - 4
            x = center_crop(x, hs, size)
        return x
