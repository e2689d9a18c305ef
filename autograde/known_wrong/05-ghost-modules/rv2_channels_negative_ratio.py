# replaces: ghost_channels
# loses: test_ghost_channels_errors
# why: only rejects ratio == 0: a negative ratio returns negative channel counts
def ghost_channels(out_channels: int, ratio: int) -> tuple[int, int]:
    if out_channels < 1 or ratio == 0:
        raise ValueError(f"out_channels and ratio must be >= 1, got {out_channels}, {ratio}")
    intrinsic = math.ceil(out_channels / ratio)
    return intrinsic, intrinsic * (ratio - 1)
