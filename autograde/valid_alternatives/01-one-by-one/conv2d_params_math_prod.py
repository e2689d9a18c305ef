# replaces: conv2d_params
# why: counts the weight tensor's shape with math.prod and handles the kernel with a tuple check
import math


def conv2d_params(c_in, c_out, kernel_size, groups=1, bias=True):
    if not isinstance(kernel_size, tuple):
        kernel_size = (kernel_size,) * 2
    weight_shape = (c_out, c_in // groups, *kernel_size)
    return math.prod(weight_shape) + c_out * int(bias)
