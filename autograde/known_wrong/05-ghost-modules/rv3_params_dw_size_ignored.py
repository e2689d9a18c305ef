# replaces: ghost_module_params
# loses: test_ghost_params_even, test_ghost_params_odd
# why: counts the cheap depthwise filters as 3x3 whatever dw_size is
def ghost_module_params(in_channels, out_channels, kernel_size=1, ratio=2, dw_size=3):
    init = -(-out_channels // ratio)
    new = init * (ratio - 1)
    return init * in_channels * kernel_size * kernel_size + 2 * init + new * 9 + 2 * new
