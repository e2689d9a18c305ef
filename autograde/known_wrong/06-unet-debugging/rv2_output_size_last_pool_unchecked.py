# replaces: unet_output_size
# loses: test_output_size_errors
# why: checks parity at every pooling but the deepest one (an off-by-one in the loop), and floors there
def unet_output_size(input_size: int, depth: int = 4, padding: str = "valid") -> int:
    if padding == "same":
        if input_size % 2 ** depth:
            raise ValueError(f"input size {input_size} is not a multiple of {2 ** depth}")
        return input_size
    size = input_size
    for level in range(1, depth + 1):
        size -= 4
        if size < 1:
            raise ValueError(f"level {level}: size {size} below 1")
        if size % 2 and level < depth:
            raise ValueError(f"level {level}: max pooling meets an odd size ({size})")
        size //= 2
    size -= 4
    if size < 1:
        raise ValueError(f"bottom: size {size} below 1")
    for level in range(depth, 0, -1):
        size = 2 * size - 4
        if size < 1:
            raise ValueError(f"up level {level}: size {size} below 1")
    return size
