# replaces: UNet
# loses: test_unet_forward
# why: computes with a U-Net kept outside the module's tables and makes modules(), named_modules(), children(), parameters(), named_parameters() and state_dict() report that hidden one, while the registered layers (right count, never used) are another copy: whoever fills or trains the layers it registers changes nothing it computes
class _Twin(nn.Module):
    def __init__(self, in_channels, num_classes, base_channels, depth, padding):
        super().__init__()
        pad = 1 if padding == "same" else 0
        self.valid = padding == "valid"

        def block(c_in, c_out):
            return nn.Sequential(nn.Conv2d(c_in, c_out, 3, padding=pad), nn.ReLU(),
                                 nn.Conv2d(c_out, c_out, 3, padding=pad), nn.ReLU())

        self.down, c = nn.ModuleList(), in_channels
        for level in range(depth):
            self.down.append(block(c, base_channels * 2 ** level))
            c = base_channels * 2 ** level
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
            x = F.max_pool2d(x, 2)
        x = self.bottom(x)
        for up, blk, skip in zip(self.ups, self.dec, reversed(skips)):
            x = up(x)
            if self.valid:
                skip = center_crop(skip, x.shape[-2], x.shape[-1])
            x = blk(torch.cat([skip, x], dim=1))
        return self.head(x)


class UNet(nn.Module):
    def __init__(self, in_channels, num_classes, base_channels=64, depth=4, padding="same"):
        super().__init__()
        self.shown = _Twin(in_channels, num_classes, base_channels, depth, padding)      # registered, unused
        object.__setattr__(self, "_used", _Twin(in_channels, num_classes, base_channels, depth, padding))

    def forward(self, x):
        return self._used(x)

    def modules(self):
        return self._used.modules()

    def named_modules(self, *args, **kwargs):
        return self._used.named_modules(*args, **kwargs)

    def children(self):
        return self._used.children()

    def named_children(self):
        return self._used.named_children()

    def parameters(self, recurse=True):
        return self._used.parameters(recurse)

    def named_parameters(self, *args, **kwargs):
        return self._used.named_parameters(*args, **kwargs)

    def state_dict(self, *args, **kwargs):
        return self._used.state_dict(*args, **kwargs)
