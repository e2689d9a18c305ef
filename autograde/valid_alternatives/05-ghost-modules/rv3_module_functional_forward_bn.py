# replaces: GhostModule
# why: nn.Conv2d / nn.BatchNorm2d modules hold the weights, the forward is F.conv2d and F.batch_norm with the modules' own tensors, mode and momentum (and counts num_batches_tracked as the module would)
class GhostModule(nn.Module):
    def __init__(self, in_channels, out_channels, kernel_size=1, ratio=2, dw_size=3, stride=1, relu=True):
        super().__init__()
        self.out_channels, self.use_relu = out_channels, relu
        init = -(-out_channels // ratio)
        new = init * (ratio - 1)
        self.primary_conv = nn.Conv2d(in_channels, init, kernel_size, stride, kernel_size // 2, bias=False)
        self.primary_bn = nn.BatchNorm2d(init)
        self.cheap_conv = nn.Conv2d(init, new, dw_size, 1, dw_size // 2, groups=init, bias=False)
        self.cheap_bn = nn.BatchNorm2d(new)

    @staticmethod
    def _unit(conv, bn, x, training, use_relu):
        y = F.conv2d(x, conv.weight, None, conv.stride, conv.padding, conv.dilation, conv.groups)
        if training:
            bn.num_batches_tracked.add_(1)
        y = F.batch_norm(y, bn.running_mean, bn.running_var, bn.weight, bn.bias, training, bn.momentum, bn.eps)
        return F.relu(y) if use_relu else y

    def forward(self, x):
        x1 = self._unit(self.primary_conv, self.primary_bn, x, self.training, self.use_relu)
        x2 = self._unit(self.cheap_conv, self.cheap_bn, x1, self.training, self.use_relu)
        return torch.cat((x1, x2), 1).narrow(1, 0, self.out_channels)
