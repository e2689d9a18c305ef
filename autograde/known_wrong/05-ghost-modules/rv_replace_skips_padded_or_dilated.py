# replaces: replace_pointwise_convs
# loses: test_replace_nested
# why: leaves every 1x1 convolution with padding or dilation in place ("not really pointwise"): right for a padded one (the contract keeps it, a Ghost module with kernel_size=1 would shrink its output), wrong for a dilated one (a dilation does nothing to a 1x1 kernel) and for padding='same' (pads nothing around a 1x1 kernel), which the contract replaces
def replace_pointwise_convs(model: nn.Module, ratio: int = 2) -> int:
    """Replace every dense 1x1 nn.Conv2d in `model` (any depth) by a linear GhostModule; return the count."""
    places = list(model.named_modules(remove_duplicate=False))
    inside_ghost = [name + "." for name, m in places if isinstance(m, GhostModule)]
    made = {}
    for name, conv in places:
        if not name or any(name.startswith(p) for p in inside_ghost):
            continue
        if (isinstance(conv, nn.Conv2d) and conv.kernel_size == (1, 1) and conv.groups == 1
                and conv.padding in ((0, 0), "valid") and conv.dilation == (1, 1)):
            if conv not in made:
                ghost = GhostModule(conv.in_channels, conv.out_channels, 1, ratio, stride=conv.stride, relu=False)
                made[conv] = ghost.to(conv.weight.device, conv.weight.dtype).train(conv.training)
            model.set_submodule(name, made[conv])
    return len(made)
