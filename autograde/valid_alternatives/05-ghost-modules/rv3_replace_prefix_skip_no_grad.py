# replaces: replace_pointwise_convs
# why: lists every place with named_modules(remove_duplicate=False), skips names under a Ghost module by prefix, builds each Ghost module once (under torch.no_grad(), which changes nothing for a new module) and sets it with set_submodule
def replace_pointwise_convs(model: nn.Module, ratio: int = 2) -> int:
    if isinstance(model, GhostModule):
        return 0
    ghost_names, places = [], []
    for name, module in model.named_modules(remove_duplicate=False):
        if any(name.startswith(prefix + ".") for prefix in ghost_names):
            continue
        if isinstance(module, GhostModule):
            ghost_names.append(name)
        elif (name and isinstance(module, nn.Conv2d) and module.kernel_size == (1, 1) and module.groups == 1
              and (module.padding in ("valid", "same") or module.padding == (0, 0))):
            places.append((name, module))
    built = {}
    for name, conv in places:
        if id(conv) not in built:
            with torch.no_grad():
                ghost = GhostModule(conv.in_channels, conv.out_channels, 1, ratio, stride=conv.stride, relu=False)
            ghost.to(conv.weight.device, conv.weight.dtype)
            ghost.train(conv.training)
            built[id(conv)] = (conv, ghost)
        model.set_submodule(name, built[id(conv)][1])
    return len(built)
