# replaces: GhostModule
# loses: test_ghost_module_forward, test_ghost_module_training
# why: bare nn.Parameters with F.conv2d / F.batch_norm: the right function, but the contract asks for nn.Conv2d and nn.BatchNorm2d modules (the tests give them known weights by type)
from torch.nn.modules.utils import _pair


class GhostModule(nn.Module):
    def __init__(self, in_channels, out_channels, kernel_size=1, ratio=2, dw_size=3, stride=1, relu=True):
        super().__init__()
        init = math.ceil(out_channels / ratio)
        new = init * (ratio - 1)
        self.cfg = (out_channels, init, kernel_size, dw_size, _pair(stride), relu)
        w1 = torch.empty(init, in_channels, kernel_size, kernel_size)
        w2 = torch.empty(new, 1, dw_size, dw_size)
        nn.init.kaiming_uniform_(w1, a=math.sqrt(5))
        nn.init.kaiming_uniform_(w2, a=math.sqrt(5))
        self.w1, self.w2 = nn.Parameter(w1), nn.Parameter(w2)
        for tag, c in (("1", init), ("2", new)):
            self.register_parameter("gamma" + tag, nn.Parameter(torch.ones(c)))
            self.register_parameter("beta" + tag, nn.Parameter(torch.zeros(c)))
            self.register_buffer("mean" + tag, torch.zeros(c))
            self.register_buffer("var" + tag, torch.ones(c))

    def forward(self, x):
        out_channels, init, k, d, stride, relu = self.cfg
        a = F.batch_norm(F.conv2d(x, self.w1, None, stride, k // 2), self.mean1, self.var1, self.gamma1, self.beta1,
                         self.training, 0.1, 1e-5)
        a = F.relu(a) if relu else a
        g = F.batch_norm(F.conv2d(a, self.w2, None, 1, d // 2, 1, init), self.mean2, self.var2, self.gamma2,
                         self.beta2, self.training, 0.1, 1e-5)
        g = F.relu(g) if relu else g
        return torch.cat([a, g], 1)[:, :out_channels]
