# replaces: UNet
# loses: test_unet_shapes, test_unet_params, test_unet_forward
# why: grey-scale habit: the first convolution always takes 1 channel, whatever in_channels says
class UNet(nn.Module):
    def __init__(self, in_channels, num_classes, base_channels=64, depth=4, padding="same"):
        super().__init__()
        p = 1 if padding == "same" else 0
        self.valid = padding == "valid"

        def block(a, b):
            return nn.Sequential(nn.Conv2d(a, b, 3, padding=p), nn.ReLU(), nn.Conv2d(b, b, 3, padding=p), nn.ReLU())

        chans = [base_channels * 2 ** i for i in range(depth + 1)]
        self.down = nn.ModuleList()
        c = 1
        for w in chans[:-1]:
            self.down.append(block(c, w))
            c = w
        self.bottom = block(c, chans[-1])
        self.ups = nn.ModuleList([nn.ConvTranspose2d(chans[i + 1], chans[i], 2, stride=2) for i in range(depth)])
        self.decs = nn.ModuleList([block(2 * chans[i], chans[i]) for i in range(depth)])
        self.head = nn.Conv2d(chans[0], num_classes, 1)

    def forward(self, x):
        skips = []
        for block in self.down:
            x = block(x)
            skips.append(x)
            x = F.max_pool2d(x, 2)
        x = self.bottom(x)
        for i in reversed(range(len(self.ups))):
            up = self.ups[i](x)
            skip = skips[i]
            if self.valid:
                skip = center_crop(skip, up.shape[-2], up.shape[-1])
            x = self.decs[i](torch.cat([skip, up], dim=1))
        return self.head(x)
