# replaces: conv_output_size
# why: counts the window positions one by one instead of using the closed formula
def conv_output_size(size: int, kernel_size: int, stride: int = 1, padding: int = 0, dilation: int = 1) -> int:
    span = dilation * (kernel_size - 1) + 1      # pixels covered by one window
    padded = size + 2 * padding
    count, start = 0, 0
    while start + span <= padded:
        count += 1
        start += stride
    return count
