# replaces: conv2d_params
# loses: test_conv2d_params
# why: one bias per input channel instead of one per output channel
def conv2d_params(c_in, c_out, kernel_size, groups=1, bias=True):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return c_out * (c_in // groups) * kh * kw + (c_in if bias else 0)
