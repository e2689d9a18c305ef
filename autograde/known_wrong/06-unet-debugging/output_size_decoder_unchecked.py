# replaces: unet_output_size
# loses: test_output_size_errors
# why: checks "a size drops below 1" after every pair of convolutions going down and at the bottom, but not after the up-steps (each removes 4 pixels too): unet_output_size(16, depth=1) returns 0 and unet_output_size(14, depth=1) returns -2 instead of raising ValueError
def unet_output_size(input_size: int, depth: int = 4, padding: str = "valid") -> int:
    if padding == "same":
        if input_size % 2 ** depth:
            raise ValueError(f"input size {input_size} is not a multiple of 2**depth = {2 ** depth}")
        return input_size
    size = input_size
    for level in range(1, depth + 1):
        size -= 4
        if size < 1:
            raise ValueError(f"level {level}: the convolutions leave no pixel")
        if size % 2:
            raise ValueError(f"level {level}: max pooling meets an odd size ({size})")
        size //= 2
    size -= 4
    if size < 1:
        raise ValueError(f"input size {input_size}: nothing is left at the bottom level")
    for _ in range(depth):
        size = 2 * size - 4
    return size
