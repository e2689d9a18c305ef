# replaces: unet_output_size
# why: recursion over the levels instead of loops; levels counted from 1; "same" checked with bit masking
def unet_output_size(input_size: int, depth: int = 4, padding: str = "valid") -> int:
    if padding == "same":
        if input_size & ((1 << depth) - 1):
            raise ValueError(f"{input_size} is not a multiple of 2**{depth} = {1 << depth}")
        return input_size

    def level(size: int, index: int) -> int:
        size -= 4
        if size < 1:
            raise ValueError(f"level {index}: the size drops to {size}")
        if index > depth:
            return size
        if size % 2:
            raise ValueError(f"level {index}: max pooling meets an odd size ({size})")
        out = 2 * level(size // 2, index + 1) - 4
        if out < 1:
            raise ValueError(f"level {index}: the decoder's size drops to {out}")
        return out

    return level(input_size, 1)
