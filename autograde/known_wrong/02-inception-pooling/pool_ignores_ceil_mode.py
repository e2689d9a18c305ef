# replaces: pool_output_size
# loses: test_pool_output_size_ceil
# why: floors even when ceil_mode=True (GoogLeNet's 112 -> 56 becomes 55)
def pool_output_size(size, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False):
    stride = kernel_size if stride is None else stride
    return (size + 2 * padding - dilation * (kernel_size - 1) - 1) // stride + 1
