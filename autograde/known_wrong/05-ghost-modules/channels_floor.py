# replaces: ghost_channels
# loses: test_ghost_channels_values
# why: rounds the intrinsic channels down (out // ratio), so 33 channels at ratio 2 give 16 + 16 = 32
<<<<<<< solution
    intrinsic = math.ceil(out_channels / ratio)
=======
    intrinsic = out_channels // ratio
>>>>>>> variant
