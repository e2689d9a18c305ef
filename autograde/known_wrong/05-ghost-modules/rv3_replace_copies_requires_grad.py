# replaces: replace_pointwise_convs
# loses: test_replace_nested
# why: copies the replaced convolution's requires_grad onto the new module: a frozen 1x1 becomes a frozen Ghost module that can never learn its fresh weights
def replace_pointwise_convs(model: nn.Module, ratio: int = 2) -> int:
    done = {}

    def pointwise(m):
        return (isinstance(m, nn.Conv2d) and tuple(m.kernel_size) == (1, 1) and m.groups == 1
                and (isinstance(m.padding, str) or tuple(m.padding) == (0, 0)))

    def visit(parent, depth):
        if isinstance(parent, GhostModule):
            return
        for name, child in list(parent._modules.items()):
            if child is None:
                continue
            if id(child) in done:
                parent.add_module(name, done[id(child)][1])
            elif pointwise(child):
                new = GhostModule(child.in_channels, child.out_channels, 1, ratio, stride=child.stride, relu=False)
                new.to(child.weight.device, child.weight.dtype).train(child.training).requires_grad_(child.weight.requires_grad)
                done[id(child)] = (child, new)
                parent.add_module(name, new)
            else:
                visit(child, depth + 1)

    visit(model, 0)
    return len(done)
