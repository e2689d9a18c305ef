# replaces: ghost_module_params
# why: reuses Exercise 1's ghost_channels and counts per tensor (conv weights, BN weight + bias), summing numpy ints and converting once with int()
def ghost_module_params(in_channels: int, out_channels: int, kernel_size: int = 1, ratio: int = 2,
                        dw_size: int = 3) -> int:
    """Trainable parameters of GhostModule(in_channels, out_channels, kernel_size, ratio, dw_size)."""
    init, new = ghost_channels(out_channels, ratio)
    shapes = [(init, in_channels, kernel_size, kernel_size), (init,), (init,), (new, 1, dw_size, dw_size), (new,), (new,)]
    return int(sum(np.prod(s) for s in shapes))
