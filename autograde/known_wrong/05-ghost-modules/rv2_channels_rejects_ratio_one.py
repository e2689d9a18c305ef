# replaces: ghost_channels
# loses: test_ghost_channels_values, test_ghost_channels_errors
# why: raises for ratio == 1 (no ghosts) although the contract only forbids ratio < 1
def ghost_channels(out_channels: int, ratio: int) -> tuple[int, int]:
    if out_channels < 1 or ratio < 2:
        raise ValueError(f"out_channels and ratio must be >= 1, got {out_channels}, {ratio}")
    intrinsic = math.ceil(out_channels / ratio)
    return intrinsic, intrinsic * (ratio - 1)
