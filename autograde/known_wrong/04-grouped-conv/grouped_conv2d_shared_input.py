# replaces: grouped_conv2d
# loses: test_grouped_conv2d_values
# why: splits the weights but feeds every group the same (first) input group
def grouped_conv2d(x, weight, bias=None, groups=1, stride=1, padding=0):
    width = x.shape[1] // groups
    outputs = []
    for j, wj in enumerate(torch.split(weight, weight.shape[0] // groups, dim=0)):
        bj = None if bias is None else bias[j * wj.shape[0]:(j + 1) * wj.shape[0]]
        outputs.append(F.conv2d(x[:, :width], wj, bj, stride=stride, padding=padding))
    return torch.cat(outputs, dim=1)
