# replaces: unet_output_size
# loses: test_output_size_errors
# why: checks "size < 0" instead of "size < 1", so a map of 0 pixels (and an output of 0) is accepted
def unet_output_size(input_size, depth=4, padding="valid"):
    if padding == "same":
        if input_size % 2 ** depth:
            raise ValueError(f"{input_size} is not a multiple of {2 ** depth}")
        return input_size
    size = input_size
    for level in range(1, depth + 1):
        size -= 4
        if size < 0:
            raise ValueError(f"level {level}: size {size} below 0")
        if size % 2:
            raise ValueError(f"level {level}: max pooling meets an odd size ({size})")
        size //= 2
    size -= 4
    if size < 0:
        raise ValueError(f"bottom: size {size} below 0")
    for level in range(depth, 0, -1):
        size = 2 * size - 4
        if size < 0:
            raise ValueError(f"up level {level}: size {size} below 0")
    return size
