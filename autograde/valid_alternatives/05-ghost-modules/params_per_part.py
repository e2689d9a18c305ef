# replaces: ghost_module_params
# why: sums conv weights and BN affine parameters of the two parts separately, with integer ceiling
def ghost_module_params(in_channels, out_channels, kernel_size=1, ratio=2, dw_size=3):
    init = (out_channels + ratio - 1) // ratio
    ghosts = init * (ratio - 1)
    weights = in_channels * init * kernel_size * kernel_size + ghosts * dw_size * dw_size
    batchnorm = 2 * (init + ghosts)
    return weights + batchnorm
