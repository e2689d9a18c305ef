# replaces: conv_output_size
# loses: test_conv_output_size
# why: rounds the number of steps up, as if convolutions had a ceil_mode
import math

def conv_output_size(size: int, kernel_size: int, stride: int = 1, padding: int = 0, dilation: int = 1) -> int:
    return math.ceil((size + 2 * padding - dilation * (kernel_size - 1) - 1) / stride) + 1
