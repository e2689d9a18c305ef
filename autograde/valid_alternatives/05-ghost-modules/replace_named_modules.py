# replaces: replace_pointwise_convs
# why: collects targets with named_modules first, then swaps them with set_submodule
def replace_pointwise_convs(model, ratio=2):
    targets = [(name, m) for name, m in model.named_modules()
               if isinstance(m, nn.Conv2d) and tuple(m.kernel_size) == (1, 1) and m.groups == 1]
    for name, conv in targets:
        model.set_submodule(name, GhostModule(conv.in_channels, conv.out_channels, kernel_size=1, ratio=ratio,
                                              stride=conv.stride[0], relu=False))
    return len(targets)
