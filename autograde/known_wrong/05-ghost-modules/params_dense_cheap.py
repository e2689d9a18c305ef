# replaces: ghost_module_params
# loses: test_ghost_params_even, test_ghost_params_odd
# why: counts the cheap operation as a dense conv (init x new x d^2 weights)
<<<<<<< solution
    cheap = new * dw_size ** 2 + 2 * new
=======
    cheap = new * init * dw_size ** 2 + 2 * new
>>>>>>> variant
