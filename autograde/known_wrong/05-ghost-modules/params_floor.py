# replaces: ghost_module_params
# loses: test_ghost_params_odd
# why: init = out // ratio (floor): wrong whenever the ratio does not divide the width
<<<<<<< solution
    init = math.ceil(out_channels / ratio)
=======
    init = out_channels // ratio
>>>>>>> variant
