# replaces: ghost_channels
# why: a list [intrinsic, ghost] from divmod; the visible test converts with tuple()
def ghost_channels(out_channels, ratio):
    if out_channels < 1:
        raise ValueError("out_channels < 1")
    if ratio < 1:
        raise ValueError("ratio < 1")
    q, r = divmod(out_channels, ratio)
    intrinsic = q + (1 if r else 0)
    return [intrinsic, (ratio - 1) * intrinsic]
