# replaces: replace_pointwise_convs
# loses: test_replace_nested
# why: puts the model in eval mode while it works and "restores" it with model.train(was_training), which sets EVERY submodule to the top-level mode: a model with a frozen (eval-mode) backbone and a training head comes back entirely in training mode; the contract asks to leave the model's modes as they were and the new module to take its convolution's mode
def replace_pointwise_convs(model: nn.Module, ratio: int = 2) -> int:
    """Replace every dense 1x1 nn.Conv2d in `model` (any depth) by a linear GhostModule; return the count."""
    was_training = model.training
    model.eval()
    places = list(model.named_modules(remove_duplicate=False))
    inside_ghost = [name + "." for name, m in places if isinstance(m, GhostModule)]
    made = {}
    for name, conv in places:
        if not name or any(name.startswith(p) for p in inside_ghost):
            continue
        if isinstance(conv, nn.Conv2d) and conv.kernel_size == (1, 1) and conv.groups == 1:
            if conv not in made:
                made[conv] = GhostModule(conv.in_channels, conv.out_channels, 1, ratio, stride=conv.stride,
                                         relu=False).to(conv.weight.device, conv.weight.dtype)
            model.set_submodule(name, made[conv])
    model.train(was_training)
    return len(made)
