# replaces: ghost_channels
# loses: test_ghost_channels_errors
# why: only rejects out_channels == 0: out_channels = -4 returns (-2, -2)
def ghost_channels(out_channels: int, ratio: int) -> tuple[int, int]:
    if out_channels == 0 or ratio < 1:
        raise ValueError(f"out_channels and ratio must be >= 1, got {out_channels}, {ratio}")
    intrinsic = math.ceil(out_channels / ratio)
    return intrinsic, intrinsic * (ratio - 1)
