# replaces: ghost_module_params
# why: numpy arithmetic, converted to a built-in int at the end
def ghost_module_params(in_channels, out_channels, kernel_size=1, ratio=2, dw_size=3):
    init = np.int64(-(-out_channels // ratio))
    weights = np.array([init * in_channels * kernel_size * kernel_size, init * (ratio - 1) * dw_size * dw_size])
    bn = 2 * init * ratio
    return int(weights.sum() + bn)
