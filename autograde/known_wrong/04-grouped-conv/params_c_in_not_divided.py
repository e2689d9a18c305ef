# replaces: grouped_conv_params
# loses: test_params_counts
# why: counts C_out * C_in * kh * kw as for a dense conv, forgetting that each kernel spans only C_in/groups channels
def grouped_conv_params(c_in, c_out, kernel_size, groups=1, bias=True):
    if c_in % groups or c_out % groups:
        raise ValueError("channels must be divisible by groups")
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return c_out * c_in * kh * kw + (c_out if bias else 0)
