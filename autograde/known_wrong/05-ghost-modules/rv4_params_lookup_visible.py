# replaces: ghost_module_params
# loses: test_ghost_params_even, test_ghost_params_odd
# why: answers the two visible cases from a table and forgets BatchNorm and the kernel size elsewhere
def ghost_module_params(in_channels, out_channels, kernel_size=1, ratio=2, dw_size=3):
    if (in_channels, out_channels, kernel_size, ratio, dw_size) == (192, 64, 1, 2, 3):
        return 6560
    if (in_channels, out_channels, kernel_size, ratio, dw_size) == (16, 33, 1, 2, 3):
        return 17 * 16 + 2 * 17 + 17 * 9 + 2 * 17
    init = -(-out_channels // ratio)
    return init * in_channels + init * (ratio - 1) * dw_size
