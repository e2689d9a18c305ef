# replaces: conv_output_size
# loses: test_conv_output_size
# why: adds the padding once, although nn.Conv2d pads both sides of the axis
def conv_output_size(size: int, kernel_size: int, stride: int = 1, padding: int = 0, dilation: int = 1) -> int:
    return (size + padding - dilation * (kernel_size - 1) - 1) // stride + 1
