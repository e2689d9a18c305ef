# replaces: replace_pointwise_convs
# loses: test_replace_nested
# why: switches autograd off while it builds modules and then back ON with torch.set_grad_enabled(True) instead of restoring the previous mode: called inside `with torch.no_grad():` (the usual way to do model surgery) it leaves gradients enabled for the rest of that block; the hidden test calls it inside torch.no_grad()
def replace_pointwise_convs(model: nn.Module, ratio: int = 2) -> int:
    """Replace every dense 1x1 nn.Conv2d in `model` (any depth) by a linear GhostModule; return the count."""
    torch.set_grad_enabled(False)
    places = list(model.named_modules(remove_duplicate=False))
    inside_ghost = [name + "." for name, m in places if isinstance(m, GhostModule)]
    made = {}
    for name, conv in places:
        if not name or any(name.startswith(p) for p in inside_ghost):
            continue
        if isinstance(conv, nn.Conv2d) and conv.kernel_size == (1, 1) and conv.groups == 1:
            if conv not in made:
                ghost = GhostModule(conv.in_channels, conv.out_channels, 1, ratio, stride=conv.stride, relu=False)
                made[conv] = ghost.to(conv.weight.device, conv.weight.dtype).train(conv.training)
            model.set_submodule(name, made[conv])
    torch.set_grad_enabled(True)
    return len(made)
