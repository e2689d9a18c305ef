# replaces: ghost_channels
# loses: test_ghost_channels_values
# why: counts the ghost channels that survive the slice (out - intrinsic) instead of those the cheap operation computes
<<<<<<< solution
    return intrinsic, intrinsic * (ratio - 1)
=======
    return intrinsic, out_channels - intrinsic
>>>>>>> variant
