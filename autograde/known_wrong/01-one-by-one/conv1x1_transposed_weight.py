# replaces: conv1x1_as_matmul
# loses: test_conv1x1_as_matmul
# why: "1x1 conv" with the weight matrix transposed (contracts C_out with the input channels)
def conv1x1_as_matmul(x, weight, bias=None):
    w = weight[:, :, 0, 0]
    y = torch.einsum("co,nchw->nohw", w, x)
    if bias is not None:
        y = y + bias.view(1, -1, 1, 1)
    return y
