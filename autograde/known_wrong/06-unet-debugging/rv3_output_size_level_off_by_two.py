# replaces: unet_output_size
# loses: test_output_size_errors
# why: names the level after the pooling (counting from 1, then +1): "level 3" for 570, where level 2 is meant
def unet_output_size(input_size, depth=4, padding="valid"):
    if padding == "same":
        if input_size % 2 ** depth:
            raise ValueError(f"{input_size} is not a multiple of {2 ** depth}")
        return input_size
    size = input_size
    for level in range(1, depth + 1):
        size -= 4
        if size < 1:
            raise ValueError(f"level {level + 1}: size {size} below 1")
        if size % 2:
            raise ValueError(f"level {level + 1}: max pooling meets an odd size ({size})")
        size //= 2
    size -= 4
    if size < 1:
        raise ValueError(f"bottom: size {size} below 1")
    for level in range(depth, 0, -1):
        size = 2 * size - 4
        if size < 1:
            raise ValueError(f"up level {level}: size {size} below 1")
    return size
