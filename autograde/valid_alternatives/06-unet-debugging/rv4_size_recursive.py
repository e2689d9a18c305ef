# replaces: unet_output_size
# why: recursive and functional; levels counted from 0 in the message ('Level=1 (counting from 0): ...')
def unet_output_size(input_size: int, depth: int = 4, padding: str = "valid") -> int:
    if padding not in ("valid", "same"):
        raise ValueError(f"padding must be 'valid' or 'same', not {padding!r}")
    if padding == "same":
        step = 1 << depth
        if input_size % step != 0:
            raise ValueError(f"{input_size} is not divisible by {step} (2**{depth})")
        return input_size

    def through(size: int, level: int) -> int:
        size = size - 4
        if size <= 0:
            raise ValueError(f"pooling level {level}: no pixel is left ({size})")
        if level == depth:
            return size
        if size & 1:
            raise ValueError(f"Level={level} (counting from 0): odd size {size} before 2x2 max pooling")
        inner = through(size >> 1, level + 1)
        out = inner * 2 - 4
        if out <= 0:
            raise ValueError(f"decoder at level {level}: no pixel is left ({out})")
        return out

    return through(input_size, 0)
