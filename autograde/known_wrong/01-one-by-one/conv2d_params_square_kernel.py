# replaces: conv2d_params
# loses: test_conv2d_params
# why: assumes square kernels: a (3, 1) kernel counted as 3x3
def conv2d_params(c_in, c_out, kernel_size, groups=1, bias=True):
    k = kernel_size if isinstance(kernel_size, int) else kernel_size[0]
    return c_out * (c_in // groups) * k * k + (c_out if bias else 0)
