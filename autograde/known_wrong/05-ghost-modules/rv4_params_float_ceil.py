# replaces: ghost_module_params
# loses: test_ghost_params_even, test_ghost_params_odd
# why: np.ceil keeps a float: 6560.0 for a count of parameters
def ghost_module_params(in_channels, out_channels, kernel_size=1, ratio=2, dw_size=3):
    init = np.ceil(out_channels / ratio)
    new = init * (ratio - 1)
    return init * (in_channels * kernel_size ** 2 + 2) + new * (dw_size ** 2 + 2)
