# replaces: ghost_channels
# why: integer ceil as (a + b - 1) // b after operator.index (accepts any integer type, returns real ints)
import operator


def ghost_channels(out_channels: int, ratio: int) -> tuple[int, int]:
    out_channels, ratio = operator.index(out_channels), operator.index(ratio)
    if min(out_channels, ratio) < 1:
        raise ValueError(f"need out_channels >= 1 and ratio >= 1, got {out_channels} and {ratio}")
    intrinsic = (out_channels + ratio - 1) // ratio
    return intrinsic, intrinsic * (ratio - 1)
