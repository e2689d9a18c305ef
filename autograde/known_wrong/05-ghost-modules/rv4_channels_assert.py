# replaces: ghost_channels
# loses: test_ghost_channels_errors
# why: validates with assert, which raises AssertionError (and vanishes under python -O), not ValueError
def ghost_channels(out_channels, ratio):
    assert out_channels >= 1 and ratio >= 1, "out_channels and ratio must be >= 1"
    init = math.ceil(out_channels / ratio)
    return init, init * (ratio - 1)
