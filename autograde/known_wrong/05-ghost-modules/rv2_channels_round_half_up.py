# replaces: ghost_channels
# loses: test_ghost_channels_values
# why: rounds to nearest (int(x + 0.5)) instead of up: right for 32/2 and 33/2, 3 instead of 4 for (10, 3)
def ghost_channels(out_channels: int, ratio: int) -> tuple[int, int]:
    if out_channels < 1 or ratio < 1:
        raise ValueError(f"out_channels and ratio must be >= 1, got {out_channels}, {ratio}")
    intrinsic = int(out_channels / ratio + 0.5)
    return intrinsic, intrinsic * (ratio - 1)
