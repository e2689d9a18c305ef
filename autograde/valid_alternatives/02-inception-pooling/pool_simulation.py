# replaces: pool_output_size
# why: simulates the windows: full windows always count; in ceil_mode a partial window counts if the previous
# window had not reached the end and it starts inside the input (or its left padding)
def pool_output_size(size, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False):
    stride = stride or kernel_size
    window = dilation * (kernel_size - 1) + 1
    padded = size + 2 * padding
    count, start = 0, 0                      # start in padded coordinates
    while True:
        if start + window <= padded:
            count += 1
        elif ceil_mode and start - padding < size and start - stride + window < padded:
            count += 1
        else:
            return count
        start += stride
