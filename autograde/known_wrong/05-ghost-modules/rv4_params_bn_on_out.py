# replaces: ghost_module_params
# loses: test_ghost_params_odd
# why: counts BatchNorm on the out_channels that survive the slice instead of on init + new computed channels
def ghost_module_params(in_channels, out_channels, kernel_size=1, ratio=2, dw_size=3):
    init = math.ceil(out_channels / ratio)
    new = init * (ratio - 1)
    return init * in_channels * kernel_size ** 2 + new * dw_size ** 2 + 2 * out_channels
