# replaces: ghost_module_params
# why: reuses Exercise 1's ghost_channels
def ghost_module_params(in_channels: int, out_channels: int, kernel_size: int = 1, ratio: int = 2,
                        dw_size: int = 3) -> int:
    intrinsic, ghost = ghost_channels(out_channels, ratio)
    primary = intrinsic * (in_channels * kernel_size ** 2 + 2)
    cheap = ghost * (dw_size ** 2 + 2)
    return primary + cheap
