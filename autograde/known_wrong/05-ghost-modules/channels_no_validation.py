# replaces: ghost_channels
# loses: test_ghost_channels_errors
# why: never raises ValueError (0 channels gives (0, 0), ratio 0 a ZeroDivisionError)
<<<<<<< solution
    if out_channels < 1 or ratio < 1:
        raise ValueError(f"need out_channels >= 1 and ratio >= 1, got {out_channels} and {ratio}")
=======
>>>>>>> variant
