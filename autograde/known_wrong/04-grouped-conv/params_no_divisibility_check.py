# replaces: grouped_conv_params
# loses: test_params_errors
# why: right formula, but silently floors C_in/groups instead of rejecting channels that do not divide into groups
def grouped_conv_params(c_in, c_out, kernel_size, groups=1, bias=True):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return c_out * (c_in // groups) * kh * kw + (c_out if bias else 0)
