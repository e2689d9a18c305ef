# replaces: UNet
# loses: test_unet_forward
# why: 2x2 average pooling instead of max pooling
class UNet(nn.Module):
    def __init__(self, in_channels, num_classes, base_channels=64, depth=4, padding="same"):
        super().__init__()
        if padding not in ("same", "valid"):
            raise ValueError(f"padding must be 'same' or 'valid', got {padding!r}")
        self.padding = padding
        pad = 1 if padding == "same" else 0

        def block(c_in, c_out):
            return nn.Sequential(nn.Conv2d(c_in, c_out, 3, padding=pad), nn.ReLU(),
                                 nn.Conv2d(c_out, c_out, 3, padding=pad), nn.ReLU())

        self.down = nn.ModuleList()
        c = in_channels
        for level in range(depth):
            width = base_channels * 2 ** level
            self.down.append(block(c, width))
            c = width
        self.bottom = block(c, base_channels * 2 ** depth)
        c = base_channels * 2 ** depth
        self.ups, self.dec = nn.ModuleList(), nn.ModuleList()
        for level in reversed(range(depth)):
            width = base_channels * 2 ** level
            self.ups.append(nn.ConvTranspose2d(c, width, 2, stride=2))
            self.dec.append(block(2 * width, width))
            c = width
        self.head = nn.Conv2d(c, num_classes, 1)

    def forward(self, x):
        skips = []
        for blk in self.down:
            x = blk(x)
            skips.append(x)
            x = F.avg_pool2d(x, 2)
        x = self.bottom(x)
        for up, blk, skip in zip(self.ups, self.dec, reversed(skips)):
            x = up(x)
            if self.padding == "valid":
                skip = center_crop(skip, x.shape[-2], x.shape[-1])
            x = blk(torch.cat([skip, x], dim=1))
        return self.head(x)
