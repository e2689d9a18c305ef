# replaces: grouped_conv2d
# loses: test_grouped_conv2d_values
# why: concatenates the group outputs in reverse order, so output group j comes from input group g-1-j
def grouped_conv2d(x, weight, bias=None, groups=1, stride=1, padding=0):
    inputs = torch.split(x, x.shape[1] // groups, dim=1)
    weights = torch.split(weight, weight.shape[0] // groups, dim=0)
    biases = torch.split(bias, weight.shape[0] // groups) if bias is not None else [None] * groups
    outputs = [F.conv2d(xi, wi, bi, stride=stride, padding=padding) for xi, wi, bi in zip(inputs, weights, biases)]
    return torch.cat(outputs[::-1], dim=1)
