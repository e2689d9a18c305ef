# replaces: ghost_channels
# why: integer ceiling division -(-a // b) instead of math.ceil, and separate checks
def ghost_channels(out_channels, ratio):
    if out_channels < 1:
        raise ValueError("out_channels must be positive")
    if ratio < 1:
        raise ValueError("ratio must be positive")
    intrinsic = -(-out_channels // ratio)
    ghost = intrinsic * ratio - intrinsic
    return (intrinsic, ghost)
