# replaces: conv1x1_as_matmul
# loses: test_conv1x1_as_matmul
# why: bias added without reshaping, so it broadcasts along the last (width) axis
def conv1x1_as_matmul(x, weight, bias=None):
    y = torch.einsum("oc,nchw->nohw", weight[:, :, 0, 0], x)
    if bias is not None:
        y = y + bias
    return y
