# replaces: ghost_module_params
# why: one term per tensor (two kernels, two gammas, two betas), summed with math.fsum-free integer sum over a list
def ghost_module_params(in_channels, out_channels, kernel_size=1, ratio=2, dw_size=3):
    intrinsic, ghost = ghost_channels(out_channels, ratio)
    tensors = [
        (intrinsic, in_channels, kernel_size, kernel_size),   # primary kernel
        (intrinsic,), (intrinsic,),                            # its BN gamma, beta
        (ghost, 1, dw_size, dw_size),                          # depthwise kernel: one input channel per group
        (ghost,), (ghost,),                                    # its BN gamma, beta
    ]
    return sum(math.prod(shape) for shape in tensors)
