# replaces: replace_pointwise_convs
# loses: test_replace_nested
# why: gives the new module's parameters the replaced conv's requires_grad: a frozen conv becomes a frozen, untrained Ghost module
def replace_pointwise_convs(model, ratio=2):
    cache = {}
    visited = set()

    def pointwise(m):
        if not isinstance(m, nn.Conv2d) or tuple(m.kernel_size) != (1, 1) or m.groups != 1:
            return False
        return isinstance(m.padding, str) or tuple(m.padding) == (0, 0)

    def visit(parent):
        if isinstance(parent, GhostModule) or id(parent) in visited:
            return
        visited.add(id(parent))
        for name, child in list(parent._modules.items()):
            if child is None:
                continue
            if id(child) in cache:
                parent.add_module(name, cache[id(child)])
            elif pointwise(child):
                ghost = GhostModule(child.in_channels, child.out_channels, 1, ratio, stride=child.stride, relu=False)
                ghost.to(child.weight.device, child.weight.dtype).train(child.training)
                ghost.requires_grad_(child.weight.requires_grad)
                cache[id(child)] = ghost
                parent.add_module(name, ghost)
            else:
                visit(child)

    visit(model)
    return len(cache)
