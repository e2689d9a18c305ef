# replaces: replace_pointwise_convs
# why: recursive replacement with a memo; the count is the number of distinct new Ghost modules (set of ids)
def replace_pointwise_convs(model: nn.Module, ratio: int = 2) -> int:
    new_for = {}

    def is_pointwise(m):
        if not isinstance(m, nn.Conv2d) or m.groups != 1 or list(m.kernel_size) != [1, 1]:
            return False
        return isinstance(m.padding, str) or not any(m.padding)

    def walk(module):
        if isinstance(module, GhostModule):
            return
        for key in list(module._modules):
            child = module._modules[key]
            if child is None:
                continue
            if is_pointwise(child):
                if id(child) not in new_for:
                    ghost = GhostModule(child.in_channels, child.out_channels, 1, ratio, stride=child.stride,
                                        relu=False)
                    new_for[id(child)] = (child, ghost.to(device=child.weight.device, dtype=child.weight.dtype)
                                          .train(child.training))
                setattr(module, key, new_for[id(child)][1])
            else:
                walk(child)

    walk(model)
    return len({id(ghost) for _, ghost in new_for.values()})
