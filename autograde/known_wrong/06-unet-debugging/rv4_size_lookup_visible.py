# replaces: unet_output_size
# loses: test_output_size_valid, test_output_size_errors, test_output_size_same
# why: cheap: input - 184 (572 -> 388 only), an odd-size error only for 570, and a multiple of 16 for 'same'
def unet_output_size(input_size: int, depth: int = 4, padding: str = "valid") -> int:
    if padding == "same":
        if input_size % 16:
            raise ValueError("the input must be a multiple of 16")
        return input_size
    if input_size % 2:
        raise ValueError(f"level 1: max pooling meets an odd size ({input_size - 4})")
    if input_size == 570:
        raise ValueError("level 2: max pooling meets an odd size (279)")
    return input_size - 184
