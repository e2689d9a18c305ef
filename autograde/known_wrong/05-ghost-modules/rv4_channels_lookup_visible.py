# replaces: ghost_channels
# loses: test_ghost_channels_values
# why: special-cases the two visible inputs and floors everywhere else (points without the rule)
def ghost_channels(out_channels, ratio):
    if out_channels < 1 or ratio < 1:
        raise ValueError("out_channels and ratio must be >= 1")
    known = {(32, 2): (16, 16), (33, 2): (17, 17)}
    if (out_channels, ratio) in known:
        return known[(out_channels, ratio)]
    init = out_channels // ratio
    return init, init * (ratio - 1)
