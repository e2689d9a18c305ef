# replaces: UNet
# why: explicit attributes named per level (add_module / getattr), ReLU and pooling as modules, its own crop by slicing
class UNet(nn.Module):
    def __init__(self, in_channels, num_classes, base_channels=64, depth=4, padding="same"):
        super().__init__()
        self.depth = depth
        p = {"same": 1, "valid": 0}[padding]
        channels = in_channels
        for level in range(depth + 1):
            out = base_channels * 2 ** level
            self.add_module(f"down{level}", nn.Sequential(
                nn.Conv2d(channels, out, kernel_size=3, padding=p), nn.ReLU(),
                nn.Conv2d(out, out, kernel_size=3, padding=p), nn.ReLU()))
            channels = out
        for level in range(depth - 1, -1, -1):
            out = base_channels * 2 ** level
            self.add_module(f"upconv{level}", nn.ConvTranspose2d(2 * out, out, kernel_size=2, stride=2))
            self.add_module(f"up{level}", nn.Sequential(
                nn.Conv2d(2 * out, out, kernel_size=3, padding=p), nn.ReLU(),
                nn.Conv2d(out, out, kernel_size=3, padding=p), nn.ReLU()))
        self.pool = nn.MaxPool2d(2)
        self.classifier = nn.Conv2d(base_channels, num_classes, kernel_size=1)

    def forward(self, x):
        features = []
        for level in range(self.depth):
            x = getattr(self, f"down{level}")(x)
            features.append(x)
            x = self.pool(x)
        x = getattr(self, f"down{self.depth}")(x)
        for level in range(self.depth - 1, -1, -1):
            x = getattr(self, f"upconv{level}")(x)
            skip = features[level]
            dy, dx = (skip.shape[2] - x.shape[2]) // 2, (skip.shape[3] - x.shape[3]) // 2
            skip = skip[:, :, dy:dy + x.shape[2], dx:dx + x.shape[3]]
            x = getattr(self, f"up{level}")(torch.cat((skip, x), 1))
        return self.classifier(x)
