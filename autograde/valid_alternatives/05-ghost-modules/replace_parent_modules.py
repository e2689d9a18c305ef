# replaces: replace_pointwise_convs
# why: iterates over every module (snapshot first) and edits its own children, skipping everything inside Ghost modules
def replace_pointwise_convs(model, ratio=2):
    inside_ghosts = {id(m) for g in model.modules() if isinstance(g, GhostModule) for m in g.modules()}
    new_for = {}
    for parent in list(model.modules()):
        if id(parent) in inside_ghosts:
            continue
        for name, child in list(parent.named_children()) + [(n, c) for n, c in parent._modules.items()]:
            if (isinstance(child, nn.Conv2d) and child.kernel_size == (1, 1) and child.groups == 1
                    and not any(child.padding if isinstance(child.padding, tuple) else ())):
                if child not in new_for:
                    ghost = GhostModule(child.in_channels, child.out_channels, 1, ratio, stride=child.stride,
                                        relu=False)
                    new_for[child] = ghost.to(child.weight).train(child.training)
                parent.add_module(name, new_for[child])
    return len(new_for)
