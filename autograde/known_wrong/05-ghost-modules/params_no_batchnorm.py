# replaces: ghost_module_params
# loses: test_ghost_params_even, test_ghost_params_odd
# why: counts the convolution weights only, forgetting BatchNorm's weight and bias
<<<<<<< solution
    primary = init * in_channels * kernel_size ** 2 + 2 * init
    cheap = new * dw_size ** 2 + 2 * new
=======
    primary = init * in_channels * kernel_size ** 2
    cheap = new * dw_size ** 2
>>>>>>> variant
