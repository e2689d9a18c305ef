# replaces: ghost_channels
# loses: test_ghost_channels_values, test_ghost_channels_errors
# why: "ceil" as round(x + 0.5): Python rounds halves to even, so ceil(10 / 2) comes out 6 (and 3 / 3 gives 2)
def ghost_channels(out_channels: int, ratio: int) -> tuple[int, int]:
    if out_channels < 1 or ratio < 1:
        raise ValueError("out_channels and ratio must be >= 1")
    intrinsic = round(out_channels / ratio + 0.5)
    return intrinsic, intrinsic * (ratio - 1)
