# replaces: pool_output_size
# loses: test_pool_output_size_floor
# why: treats stride=None like a convolution's default stride of 1, but pooling's default stride is the kernel size
def pool_output_size(size, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False):
    stride = 1 if stride is None else stride
    span = size + 2 * padding - dilation * (kernel_size - 1) - 1
    if not ceil_mode:
        return span // stride + 1
    out = -(-span // stride) + 1
    if (out - 1) * stride >= size + padding:
        out -= 1
    return out
