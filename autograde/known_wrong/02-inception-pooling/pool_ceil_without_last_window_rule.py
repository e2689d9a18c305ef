# replaces: pool_output_size
# loses: test_pool_output_size_ceil
# why: rounds up in ceil_mode but keeps a last window that would start past the input
import math

def pool_output_size(size, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False):
    stride = kernel_size if stride is None else stride
    steps = (size + 2 * padding - dilation * (kernel_size - 1) - 1) / stride
    return (math.ceil(steps) if ceil_mode else math.floor(steps)) + 1
