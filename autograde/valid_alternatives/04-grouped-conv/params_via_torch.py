# replaces: grouped_conv_params
# why: measures the count from a real nn.Conv2d (which raises ValueError itself for bad groups)
def grouped_conv_params(c_in, c_out, kernel_size, groups=1, bias=True):
    conv = nn.Conv2d(c_in, c_out, kernel_size, groups=groups, bias=bias)
    return sum(p.numel() for p in conv.parameters())
