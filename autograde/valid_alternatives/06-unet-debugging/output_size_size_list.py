# replaces: unet_output_size
# why: records the size after every step in a list, counts levels from 0, and checks all sizes at the end
def unet_output_size(input_size, depth=4, padding="valid"):
    if padding == "same":
        if input_size <= 0 or input_size % (1 << depth) != 0:
            raise ValueError(f"{input_size} must be a positive multiple of {1 << depth}")
        return input_size
    if padding != "valid":
        raise ValueError("unknown padding")
    sizes = [input_size]
    for level in range(depth):
        before_pool = sizes[-1] - 2 - 2
        if before_pool <= 0:
            raise ValueError(f"input too small: nothing left at level {level}")
        if before_pool % 2 == 1:
            raise ValueError(f"Odd size {before_pool} before pooling at level {level} (counting from 0)")
        sizes.append(before_pool // 2)
    sizes.append(sizes[-1] - 4)
    for _ in range(depth):
        sizes.append(sizes[-1] * 2 - 4)
    if min(sizes) <= 0:
        raise ValueError(f"sizes {sizes} drop below 1")
    return sizes[-1]
