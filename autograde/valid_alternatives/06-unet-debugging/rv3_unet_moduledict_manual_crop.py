# replaces: UNet
# why: explicit nn.ModuleDict with string keys and functional F.relu / F.max_pool2d; the valid crop is written with offsets (no center_crop call); bias-carrying convs created with keyword arguments
class UNet(nn.Module):
    def __init__(self, in_channels, num_classes, base_channels=64, depth=4, padding="same"):
        super().__init__()
        self.depth, self.valid = depth, padding == "valid"
        pad = 0 if self.valid else 1
        self.layers = nn.ModuleDict()
        c = in_channels
        for level in range(depth + 1):
            w = base_channels * 2 ** level
            self.layers[f"enc{level}a"] = nn.Conv2d(in_channels=c, out_channels=w, kernel_size=3, padding=pad, bias=True)
            self.layers[f"enc{level}b"] = nn.Conv2d(in_channels=w, out_channels=w, kernel_size=3, padding=pad, bias=True)
            c = w
        for level in range(depth - 1, -1, -1):
            w = base_channels * 2 ** level
            self.layers[f"up{level}"] = nn.ConvTranspose2d(in_channels=2 * w, out_channels=w, kernel_size=2, stride=2)
            self.layers[f"dec{level}a"] = nn.Conv2d(2 * w, w, 3, padding=pad)
            self.layers[f"dec{level}b"] = nn.Conv2d(w, w, 3, padding=pad)
        self.layers["out"] = nn.Conv2d(base_channels, num_classes, 1)

    def forward(self, x):
        m = self.layers
        saved = []
        for level in range(self.depth + 1):
            x = F.relu(m[f"enc{level}b"](F.relu(m[f"enc{level}a"](x))))
            if level < self.depth:
                saved.append(x)
                x = F.max_pool2d(x, kernel_size=2, stride=2)
        for level in range(self.depth - 1, -1, -1):
            x = m[f"up{level}"](x)
            s = saved[level]
            if self.valid:
                dh, dw = s.shape[2] - x.shape[2], s.shape[3] - x.shape[3]
                s = s[:, :, dh // 2:dh // 2 + x.shape[2], dw // 2:dw // 2 + x.shape[3]]
            x = F.relu(m[f"dec{level}b"](F.relu(m[f"dec{level}a"](torch.cat([s, x], dim=1)))))
        return m["out"](x)
