# replaces: UNet
# why: passes the padding argument straight to nn.Conv2d, which accepts "same" and "valid" (for a 3x3 convolution "same" is padding=1); blocks built as nn.Sequential of layers in a list, concatenation with a tuple
class UNet(nn.Module):
    def __init__(self, in_channels: int, num_classes: int, base_channels: int = 64, depth: int = 4,
                 padding: str = "same"):
        super().__init__()

        def double_conv(c_in, c_out):
            return nn.Sequential(*[nn.Conv2d(c_in, c_out, 3, padding=padding), nn.ReLU(),
                                   nn.Conv2d(c_out, c_out, 3, padding=padding), nn.ReLU()])

        self.depth = depth
        self.encoder = nn.ModuleList()
        channels = in_channels
        for level in range(depth):
            self.encoder.append(double_conv(channels, base_channels * 2 ** level))
            channels = base_channels * 2 ** level
        self.pool = nn.MaxPool2d(2)
        self.bottom = double_conv(channels, base_channels * 2 ** depth)
        self.upconvs = nn.ModuleList()
        self.decoder = nn.ModuleList()
        for level in range(depth - 1, -1, -1):
            out = base_channels * 2 ** level
            self.upconvs.append(nn.ConvTranspose2d(2 * out, out, kernel_size=2, stride=2))
            self.decoder.append(double_conv(2 * out, out))
        self.out = nn.Conv2d(base_channels, num_classes, kernel_size=1)

    def forward(self, x):
        features = []
        for encode in self.encoder:
            x = encode(x)
            features.append(x)
            x = self.pool(x)
        x = self.bottom(x)
        for up, decode, skip in zip(self.upconvs, self.decoder, features[::-1]):
            x = up(x)
            x = decode(torch.cat((center_crop(skip, *x.shape[2:]), x), 1))
        return self.out(x)
