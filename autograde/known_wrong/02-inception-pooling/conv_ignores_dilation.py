# replaces: conv_output_size
# loses: test_conv_output_size
# why: uses the kernel size as the window span, forgetting that dilation spreads the taps over dilation*(k-1)+1 pixels
def conv_output_size(size: int, kernel_size: int, stride: int = 1, padding: int = 0, dilation: int = 1) -> int:
    return (size + 2 * padding - kernel_size) // stride + 1
