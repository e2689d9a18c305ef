# replaces: conv2d_params
# loses: test_conv2d_params
# why: groups ignored: a grouped conv counted as if every output channel saw all input channels
def conv2d_params(c_in, c_out, kernel_size, groups=1, bias=True):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return c_out * c_in * kh * kw + (c_out if bias else 0)
