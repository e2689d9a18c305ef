# replaces: ghost_module_params
# loses: test_ghost_params_even, test_ghost_params_odd
# why: true division keeps the count a float (6560.0): a number of parameters is an int
def ghost_module_params(in_channels, out_channels, kernel_size=1, ratio=2, dw_size=3):
    init = np.ceil(out_channels / ratio)
    new = init * (ratio - 1)
    return init * (in_channels * kernel_size ** 2 + 2) + new * (dw_size ** 2 + 2)
