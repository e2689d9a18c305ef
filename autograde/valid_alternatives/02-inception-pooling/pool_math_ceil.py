# replaces: pool_output_size
# why: math.ceil / math.floor on a float division, with the last-window rule written as a start position
import math

def pool_output_size(size, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False):
    if stride is None:
        stride = kernel_size
    steps = (size + 2 * padding - dilation * (kernel_size - 1) - 1) / stride
    out = (math.ceil(steps) if ceil_mode else math.floor(steps)) + 1
    last_start = (out - 1) * stride - padding   # in input coordinates
    if ceil_mode and last_start >= size:
        out -= 1
    return out
