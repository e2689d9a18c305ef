# replaces: unet_output_size
# why: recursion over the levels (each level wraps the one below it), with a bit mask for the "same" rule
def unet_output_size(input_size, depth=4, padding="valid"):
    if padding == "same":
        if input_size & ((1 << depth) - 1):
            raise ValueError(f"{input_size} must be a multiple of 2**{depth} = {1 << depth}")
        return input_size

    def through(size, level):
        # size entering `level` (1-based); returns the size leaving the same level on the way up
        size -= 4
        if size < 1:
            raise ValueError(f"level {level}: the map shrinks to {size} pixels")
        if level > depth:
            return size
        if size % 2:
            raise ValueError(f"Level {level}: 2x2 max pooling meets an odd size ({size})")
        size = 2 * through(size // 2, level + 1) - 4
        if size < 1:
            raise ValueError(f"level {level} (up): the map shrinks to {size} pixels")
        return size

    return through(input_size, 1)
