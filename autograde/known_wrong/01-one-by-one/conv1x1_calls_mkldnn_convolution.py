# replaces: conv1x1_as_matmul
# loses: test_conv1x1_as_matmul
# why: calls a backend's convolution kernel (torch.mkldnn_convolution), an operator FlopCounterMode has no formula for, so it counted nothing
def conv1x1_as_matmul(x, weight, bias=None):
    return torch.mkldnn_convolution(x, weight, bias, (0, 0), (1, 1), (1, 1), 1)
