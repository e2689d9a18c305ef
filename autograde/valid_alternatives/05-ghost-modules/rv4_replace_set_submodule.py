# replaces: replace_pointwise_convs
# why: iterative walk with an explicit stack and dotted paths, swaps with model.set_submodule; a memo maps each conv to its Ghost module
def replace_pointwise_convs(model, ratio=2):
    if isinstance(model, GhostModule):
        return 0
    memo, seen = {}, set()
    stack = [("", model)]
    while stack:
        prefix, module = stack.pop()
        if id(module) in seen:
            continue
        seen.add(id(module))
        for name, child in list(module._modules.items()):
            if child is None:
                continue
            path = f"{prefix}.{name}" if prefix else name
            if id(child) in memo:
                model.set_submodule(path, memo[id(child)])
                continue
            dense_1x1 = (isinstance(child, nn.Conv2d) and child.kernel_size == (1, 1) and child.groups == 1
                         and (isinstance(child.padding, str) or child.padding == (0, 0)))
            if dense_1x1:
                w = child.weight
                ghost = GhostModule(child.in_channels, child.out_channels, 1, ratio, stride=child.stride, relu=False)
                ghost = ghost.to(w.device, w.dtype)
                ghost.train(child.training)
                memo[id(child)] = ghost
                model.set_submodule(path, ghost)
            elif not isinstance(child, GhostModule):
                stack.append((path, child))
    return len(memo)
