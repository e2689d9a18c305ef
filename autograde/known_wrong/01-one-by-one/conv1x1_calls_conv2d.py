# replaces: conv1x1_as_matmul
# loses: test_conv1x1_as_matmul
# why: right numbers, but calls a convolution, which the exercise forbids
def conv1x1_as_matmul(x, weight, bias=None):
    return F.conv2d(x, weight, bias)
