# replaces: ghost_module_params
# loses: test_ghost_params_even, test_ghost_params_odd
# why: counts BatchNorm's running mean and variance as parameters (4 per channel, as Keras' count_params does)
<<<<<<< solution
    primary = init * in_channels * kernel_size ** 2 + 2 * init
    cheap = new * dw_size ** 2 + 2 * new
=======
    primary = init * in_channels * kernel_size ** 2 + 4 * init
    cheap = new * dw_size ** 2 + 4 * new
>>>>>>> variant
