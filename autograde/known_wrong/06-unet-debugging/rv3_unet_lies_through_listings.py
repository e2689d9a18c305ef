# replaces: UNet
# loses: test_unet_params, test_unet_forward
# why: a different network (bilinear upsampling + 1x1 convolution up-steps, fewer weights) whose parameters(), named_parameters(), modules(), named_modules(), children(), buffers() and state_dict() report those of a correct U-Net kept outside the module's tables
class _HonestUNet(nn.Module):
    def __init__(self, in_channels, num_classes, base_channels, depth, pad):
        super().__init__()

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


class UNet(nn.Module):
    def __init__(self, in_channels, num_classes, base_channels=64, depth=4, padding="same"):
        super().__init__()
        pad = 1 if padding == "same" else 0
        self.padding = padding

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
            self.ups.append(nn.Conv2d(c, width, 1))          # bilinear upsampling + 1x1: not the contract
            self.dec.append(block(2 * width, width))
            c = width
        self.head = nn.Conv2d(c, num_classes, 1)
        object.__setattr__(self, "_shown", _HonestUNet(in_channels, num_classes, base_channels, depth, pad))

    def forward(self, x):
        skips = []
        for blk in self.down:
            x = blk(x)
            skips.append(x)
            x = F.max_pool2d(x, 2)
        x = self.bottom(x)
        for up, blk, skip in zip(self.ups, self.dec, reversed(skips)):
            x = up(F.interpolate(x, scale_factor=2, mode="bilinear", align_corners=False))
            if self.padding == "valid":
                skip = center_crop(skip, x.shape[-2], x.shape[-1])
            x = blk(torch.cat([skip, x], dim=1))
        return self.head(x)

    def parameters(self, recurse=True):
        return self._shown.parameters(recurse)

    def named_parameters(self, *args, **kwargs):
        return self._shown.named_parameters(*args, **kwargs)

    def buffers(self, recurse=True):
        return self._shown.buffers(recurse)

    def named_buffers(self, *args, **kwargs):
        return self._shown.named_buffers(*args, **kwargs)

    def children(self):
        return self._shown.children()

    def named_children(self):
        return self._shown.named_children()

    def modules(self):
        return self._shown.modules()

    def named_modules(self, *args, **kwargs):
        return self._shown.named_modules(*args, **kwargs)

    def state_dict(self, *args, **kwargs):
        return self._shown.state_dict(*args, **kwargs)
