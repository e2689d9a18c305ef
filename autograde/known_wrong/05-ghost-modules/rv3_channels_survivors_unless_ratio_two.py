# replaces: ghost_channels
# loses: test_ghost_channels_values
# why: counts the ghosts that survive the slice (out - init) except for ratio 2, where the visible tests look
def ghost_channels(out_channels: int, ratio: int) -> tuple[int, int]:
    if out_channels < 1 or ratio < 1:
        raise ValueError("out_channels and ratio must be >= 1")
    intrinsic = -(-out_channels // ratio)
    ghost = intrinsic * (ratio - 1) if ratio == 2 else out_channels - intrinsic
    return intrinsic, ghost
