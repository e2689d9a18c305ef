# replaces: conv1x1_as_matmul
# loses: test_conv1x1_as_matmul
# why: calls the convolution through the operator registry (torch.ops.aten), a route around the Python entry points the ban switched off
def conv1x1_as_matmul(x, weight, bias=None):
    return torch.ops.aten.convolution(x, weight, bias, [1, 1], [0, 0], [1, 1], False, [0, 0], 1)
