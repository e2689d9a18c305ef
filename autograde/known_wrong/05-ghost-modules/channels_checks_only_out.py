# replaces: ghost_channels
# loses: test_ghost_channels_errors
# why: validates out_channels but not the ratio
<<<<<<< solution
    if out_channels < 1 or ratio < 1:
=======
    if out_channels < 1:
>>>>>>> variant
