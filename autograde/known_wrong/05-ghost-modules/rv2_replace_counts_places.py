# replaces: replace_pointwise_convs
# loses: test_replace_nested
# why: one Ghost module for a shared conv, but counts every place it is used
def _is_pointwise(m):
    return (isinstance(m, nn.Conv2d) and tuple(m.kernel_size) == (1, 1) and m.groups == 1
            and (isinstance(m.padding, str) or tuple(m.padding) == (0, 0)))


def replace_pointwise_convs(model: nn.Module, ratio: int = 2) -> int:
    made = {}

    def ghost_for(conv):
        if id(conv) not in made:
            new = GhostModule(conv.in_channels, conv.out_channels, 1, ratio, stride=conv.stride, relu=False)
            made[id(conv)] = new.to(conv.weight.device, conv.weight.dtype).train(conv.training)
        return made[id(conv)]

    

    def walk(parent):
        nonlocal places
        for name, child in list(parent._modules.items()):
            if child is None or isinstance(child, GhostModule):
                continue
            if _is_pointwise(child):
                parent._modules[name] = ghost_for(child)
                places += 1
            else:
                walk(child)

    places = 0
    walk(model)
    return places
