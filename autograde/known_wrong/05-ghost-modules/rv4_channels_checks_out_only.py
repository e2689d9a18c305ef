# replaces: ghost_channels
# loses: test_ghost_channels_errors
# why: validates out_channels only; ratio 0 divides by zero (ZeroDivisionError) and a negative ratio returns negative counts
def ghost_channels(out_channels, ratio):
    if out_channels < 1:
        raise ValueError("out_channels must be >= 1")
    init = -(-out_channels // ratio)
    return init, init * (ratio - 1)
