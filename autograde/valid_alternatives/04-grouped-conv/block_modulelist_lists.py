# replaces: ResNeXtBlock
# why: convs and BNs kept in ModuleLists and applied in a loop; projection stored as two attributes
class ResNeXtBlock(nn.Module):
    def __init__(self, in_channels, filters, stride=1, groups=32):
        super().__init__()
        self.convs = nn.ModuleList([
            nn.Conv2d(in_channels, filters, 1, bias=False),
            nn.Conv2d(filters, filters, 3, stride=stride, padding=1, groups=groups, bias=False),
            nn.Conv2d(filters, 2 * filters, 1, bias=False),
        ])
        self.norms = nn.ModuleList([nn.BatchNorm2d(filters), nn.BatchNorm2d(filters), nn.BatchNorm2d(2 * filters)])
        self.project = in_channels != 2 * filters or stride != 1
        if self.project:
            self.proj_conv = nn.Conv2d(in_channels, 2 * filters, 1, stride=stride, bias=False)
            self.proj_bn = nn.BatchNorm2d(2 * filters)

    def forward(self, x):
        y = x
        for i, (conv, norm) in enumerate(zip(self.convs, self.norms)):
            y = norm(conv(y))
            if i < 2:
                y = torch.relu(y)
        s = self.proj_bn(self.proj_conv(x)) if self.project else x
        return torch.relu(y + s)
