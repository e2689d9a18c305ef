# replaces: ghost_module_params
# loses: test_ghost_params_odd
# why: counts only the ghost channels that survive the slice (out - init), not those the cheap conv computes
<<<<<<< solution
    new = init * (ratio - 1)
=======
    new = out_channels - init
>>>>>>> variant
