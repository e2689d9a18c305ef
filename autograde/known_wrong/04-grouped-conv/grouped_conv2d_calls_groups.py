# replaces: grouped_conv2d
# loses: test_grouped_conv2d_groups_one
# why: hands the work to F.conv2d(groups=groups) instead of splitting the channels (right numbers, wrong contract)
def grouped_conv2d(x, weight, bias=None, groups=1, stride=1, padding=0):
    return F.conv2d(x, weight, bias, stride=stride, padding=padding, groups=groups)
