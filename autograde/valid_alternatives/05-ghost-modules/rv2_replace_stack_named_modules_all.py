# replaces: replace_pointwise_convs
# why: named_modules(remove_duplicate=False), skip everything under a GhostModule by prefix, set_submodule with a memo
def replace_pointwise_convs(model, ratio=2):
    if isinstance(model, GhostModule):
        return 0
    ghost_prefixes = [name + "." for name, m in model.named_modules(remove_duplicate=False)
                      if isinstance(m, GhostModule)]
    targets = []
    for name, m in model.named_modules(remove_duplicate=False):
        if not name or any(name.startswith(p) for p in ghost_prefixes):
            continue
        dense_1x1 = (isinstance(m, nn.Conv2d) and m.kernel_size == (1, 1) and m.groups == 1
                     and (m.padding in ("valid", "same") or m.padding == (0, 0)))
        if dense_1x1:
            targets.append((name, m))
    replacements = {}
    for name, conv in targets:
        key = id(conv)
        if key not in replacements:
            g = GhostModule(conv.in_channels, conv.out_channels, 1, ratio, stride=conv.stride, relu=False)
            g.to(device=conv.weight.device, dtype=conv.weight.dtype)
            g.train(mode=conv.training)
            replacements[key] = g
        model.set_submodule(name, replacements[key])
    return len(replacements)
