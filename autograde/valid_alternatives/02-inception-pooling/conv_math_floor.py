# replaces: conv_output_size
# why: the formula with true division and math.floor instead of //
import math

def conv_output_size(size, kernel_size, stride=1, padding=0, dilation=1):
    effective = dilation * (kernel_size - 1) + 1
    return int(math.floor((size + 2 * padding - effective) / stride)) + 1
