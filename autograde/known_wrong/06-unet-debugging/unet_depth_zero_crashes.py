# replaces: UNet
# loses: test_unet_shapes
# why: the bottom level's input width is written base_channels * 2 ** (depth - 1), which is a float (32.0) for depth=0 (no pooling: two convolutions and the head, a depth that unet_output_size's tests use): UNet(1, 2, depth=0) fails with a TypeError instead of building
class UNet(nn.Module):
    def __init__(self, in_channels: int, num_classes: int, base_channels: int = 64, depth: int = 4,
                 padding: str = "same"):
        super().__init__()
        pad = 1 if padding == "same" else 0

        def block(c_in, c_out):
            return nn.Sequential(nn.Conv2d(c_in, c_out, 3, padding=pad), nn.ReLU(),
                                 nn.Conv2d(c_out, c_out, 3, padding=pad), nn.ReLU())

        self.down = nn.ModuleList()
        c = in_channels
        for level in range(depth):
            self.down.append(block(c, base_channels * 2 ** level))
            c = base_channels * 2 ** level
        self.bottom = block(base_channels * 2 ** (depth - 1), base_channels * 2 ** depth)
        self.up = nn.ModuleList()
        self.dec = nn.ModuleList()
        for level in reversed(range(depth)):
            width = base_channels * 2 ** level
            self.up.append(nn.ConvTranspose2d(2 * width, width, 2, stride=2))
            self.dec.append(block(2 * width, width))
        self.head = nn.Conv2d(base_channels, num_classes, 1)

    def forward(self, x):
        skips = []
        for block in self.down:
            x = block(x)
            skips.append(x)
            x = F.max_pool2d(x, 2)
        x = self.bottom(x)
        for up, block in zip(self.up, self.dec):
            x = up(x)
            skip = skips.pop()
            x = block(torch.cat([center_crop(skip, x.shape[-2], x.shape[-1]), x], dim=1))
        return self.head(x)
