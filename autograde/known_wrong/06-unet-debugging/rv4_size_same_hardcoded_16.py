# replaces: unet_output_size
# loses: test_output_size_same
# why: 'same' checks a multiple of 16 whatever depth is
def unet_output_size(input_size: int, depth: int = 4, padding: str = "valid") -> int:
    if padding == "same":
        if input_size % 16:
            raise ValueError(f"input size {input_size} is not a multiple of 2**{depth} = {2 ** depth}")
        return input_size
    size = input_size
    for level in range(1, depth + 1):
        size -= 4
        if size < 1:
            raise ValueError(f"level {level}: the convolutions shrink the map below 1 pixel ({size})")
        if size % 2:
            raise ValueError(f"level {level}: max pooling meets an odd size ({size})")
        size //= 2
    size -= 4
    if size < 1:
        raise ValueError(f"bottom level: the convolutions shrink the map below 1 pixel ({size})")
    for level in range(depth, 0, -1):
        size = 2 * size - 4
        if size < 1:
            raise ValueError(f"up-step at level {level}: the map shrinks below 1 pixel ({size})")
    return size
