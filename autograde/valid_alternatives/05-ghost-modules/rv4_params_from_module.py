# replaces: ghost_module_params
# why: builds the Exercise 2 module and counts its trainable parameters (the contract allows any way of computing it)
def ghost_module_params(in_channels, out_channels, kernel_size=1, ratio=2, dw_size=3):
    module = GhostModule(in_channels, out_channels, kernel_size, ratio, dw_size)
    return int(sum(p.numel() for p in module.parameters() if p.requires_grad))
