# replaces: ghost_channels
# why: ceil by negated floor division, integer arithmetic only, with explicit integer checks
def ghost_channels(out_channels, ratio):
    if out_channels < 1:
        raise ValueError(f"out_channels must be at least 1, got {out_channels}")
    if ratio < 1:
        raise ValueError(f"ratio must be at least 1, got {ratio}")
    intrinsic = -(-out_channels // ratio)
    return int(intrinsic), int(intrinsic * (ratio - 1))
