# replaces: replace_pointwise_convs
# loses: test_replace_nested
# why: moves every new Ghost module to the device of the model's FIRST parameter instead of the replaced convolution's device: in a model split across devices (pipeline parallel, or a CPU-offloaded part) a Ghost module lands on the wrong device; the contract says .to(conv.weight.device, conv.weight.dtype)
def replace_pointwise_convs(model: nn.Module, ratio: int = 2) -> int:
    """Replace every dense 1x1 nn.Conv2d in `model` (any depth) by a linear GhostModule; return the count."""
    device = next(model.parameters()).device
    places = list(model.named_modules(remove_duplicate=False))
    inside_ghost = [name + "." for name, m in places if isinstance(m, GhostModule)]
    made = {}
    for name, conv in places:
        if not name or any(name.startswith(p) for p in inside_ghost):
            continue
        if isinstance(conv, nn.Conv2d) and conv.kernel_size == (1, 1) and conv.groups == 1:
            if conv not in made:
                ghost = GhostModule(conv.in_channels, conv.out_channels, 1, ratio, stride=conv.stride, relu=False)
                made[conv] = ghost.to(device=device, dtype=conv.weight.dtype).train(conv.training)
            model.set_submodule(name, made[conv])
    return len(made)
