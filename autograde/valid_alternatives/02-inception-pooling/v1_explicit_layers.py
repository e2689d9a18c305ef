# replaces: inception_v1
# why: every conv and BN an attribute of its own, registered pool branch first, functional pooling and ReLU in forward
class InceptionV1(nn.Module):
    def __init__(self, in_channels, ch1x1, ch3x3red, ch3x3, ch5x5red, ch5x5, pool_proj):
        super().__init__()
        self.pool_conv = nn.Conv2d(in_channels, pool_proj, 1, bias=False)
        self.pool_bn = nn.BatchNorm2d(pool_proj, eps=0.001)
        self.b1_conv = nn.Conv2d(in_channels, ch1x1, 1, bias=False)
        self.b1_bn = nn.BatchNorm2d(ch1x1, eps=0.001)
        self.b5_reduce = nn.Conv2d(in_channels, ch5x5red, 1, bias=False)
        self.b5_reduce_bn = nn.BatchNorm2d(ch5x5red, eps=0.001)
        self.b5_conv = nn.Conv2d(ch5x5red, ch5x5, 5, padding=2, bias=False)
        self.b5_bn = nn.BatchNorm2d(ch5x5, eps=0.001)
        self.b3_reduce = nn.Conv2d(in_channels, ch3x3red, 1, bias=False)
        self.b3_reduce_bn = nn.BatchNorm2d(ch3x3red, eps=0.001)
        self.b3_conv = nn.Conv2d(ch3x3red, ch3x3, 3, padding=1, bias=False)
        self.b3_bn = nn.BatchNorm2d(ch3x3, eps=0.001)

    def forward(self, x):
        b1 = F.relu(self.b1_bn(self.b1_conv(x)))
        b3 = F.relu(self.b3_bn(self.b3_conv(F.relu(self.b3_reduce_bn(self.b3_reduce(x))))))
        b5 = F.relu(self.b5_bn(self.b5_conv(F.relu(self.b5_reduce_bn(self.b5_reduce(x))))))
        pooled = F.max_pool2d(x, kernel_size=3, stride=1, padding=1, ceil_mode=True)
        b4 = F.relu(self.pool_bn(self.pool_conv(pooled)))
        return torch.cat((b1, b3, b5, b4), 1)
