# replaces: replace_pointwise_convs
# why: iterative depth-first stack, setattr on the parent, torch.no_grad() while building
def replace_pointwise_convs(model, ratio=2):
    seen = {}
    stack = [] if isinstance(model, GhostModule) else [model]
    visited = set()
    while stack:
        parent = stack.pop()
        if id(parent) in visited:
            continue
        visited.add(id(parent))
        for name in list(parent._modules):
            child = parent._modules[name]
            if child is None:
                continue
            if id(child) in seen:
                setattr(parent, name, seen[id(child)])
                continue
            if isinstance(child, GhostModule):
                continue
            w_ = getattr(child, "weight", None)
            if (isinstance(child, nn.Conv2d) and w_ is not None and w_.shape[-2:] == (1, 1) and child.groups == 1
                    and (child.padding == "valid" or child.padding == "same" or not any(child.padding))):
                with torch.no_grad():
                    g = GhostModule(child.in_channels, child.out_channels, 1, ratio, stride=child.stride, relu=False)
                g = g.to(w_.device, w_.dtype)
                g.train(child.training)
                seen[id(child)] = g
                setattr(parent, name, g)
            else:
                stack.append(child)
    return int(len(seen))
