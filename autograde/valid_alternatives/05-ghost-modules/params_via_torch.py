# replaces: ghost_module_params
# why: builds the layers of the module and counts their parameters with PyTorch
def ghost_module_params(in_channels, out_channels, kernel_size=1, ratio=2, dw_size=3):
    init = math.ceil(out_channels / ratio)
    new = init * (ratio - 1)
    layers = [nn.Conv2d(in_channels, init, kernel_size, bias=False), nn.BatchNorm2d(init),
              nn.Conv2d(init, new, dw_size, groups=init, bias=False), nn.BatchNorm2d(new)]
    return sum(p.numel() for layer in layers for p in layer.parameters())
