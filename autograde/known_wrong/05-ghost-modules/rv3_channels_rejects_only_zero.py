# replaces: ghost_channels
# loses: test_ghost_channels_errors
# why: tests == 0 instead of < 1: negative widths and ratios come back as nonsense instead of a ValueError
def ghost_channels(out_channels: int, ratio: int) -> tuple[int, int]:
    if out_channels == 0 or ratio == 0:
        raise ValueError("out_channels and ratio must be >= 1")
    intrinsic = -(-out_channels // ratio)
    return intrinsic, intrinsic * (ratio - 1)
