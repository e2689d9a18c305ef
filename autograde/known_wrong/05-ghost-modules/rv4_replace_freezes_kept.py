# replaces: replace_pointwise_convs
# loses: test_replace_nested
# why: "fine-tune only the new modules": freezes every module it keeps (model.requires_grad_(False)), then leaves the Ghost modules trainable
def replace_pointwise_convs(model, ratio=2):
    cache = {}
    visited = set()
    model.requires_grad_(False)

    def visit(parent):
        if isinstance(parent, GhostModule) or id(parent) in visited:
            return
        visited.add(id(parent))
        for name, child in list(parent._modules.items()):
            if child is None:
                continue
            if id(child) in cache:
                parent.add_module(name, cache[id(child)])
            elif (isinstance(child, nn.Conv2d) and tuple(child.kernel_size) == (1, 1) and child.groups == 1
                  and (isinstance(child.padding, str) or tuple(child.padding) == (0, 0))):
                ghost = GhostModule(child.in_channels, child.out_channels, 1, ratio, stride=child.stride, relu=False)
                ghost.to(child.weight.device, child.weight.dtype).train(child.training)
                cache[id(child)] = ghost
                parent.add_module(name, ghost)
            else:
                visit(child)

    visit(model)
    return len(cache)
