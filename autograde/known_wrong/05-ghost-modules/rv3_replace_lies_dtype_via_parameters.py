# replaces: replace_pointwise_convs
# loses: test_replace_nested
# why: leaves the new Ghost modules float32 on the CPU (no .to(conv.weight.device, conv.weight.dtype)) and hides it: they override parameters() and buffers() to report copies converted to the convolution's device and dtype
class _ClaimsConvDtype(GhostModule):
    def parameters(self, recurse=True):
        for p in super().parameters(recurse):
            yield p.to(*self._claimed)

    def buffers(self, recurse=True):
        for b in super().buffers(recurse):
            yield b.to(self._claimed[0], self._claimed[1]) if b.is_floating_point() else b.to(self._claimed[0])


def replace_pointwise_convs(model: nn.Module, ratio: int = 2) -> int:
    done = {}

    def pointwise(m):
        return (isinstance(m, nn.Conv2d) and tuple(m.kernel_size) == (1, 1) and m.groups == 1
                and (isinstance(m.padding, str) or tuple(m.padding) == (0, 0)))

    def visit(parent):
        if isinstance(parent, GhostModule):
            return
        for name, child in list(parent._modules.items()):
            if child is None:
                continue
            if id(child) in done:
                parent.add_module(name, done[id(child)][1])
            elif pointwise(child):
                new = _ClaimsConvDtype(child.in_channels, child.out_channels, 1, ratio, stride=child.stride, relu=False)
                new._claimed = (child.weight.device, child.weight.dtype)
                new.train(child.training)
                done[id(child)] = (child, new)
                parent.add_module(name, new)
            else:
                visit(child)

    visit(model)
    return len(done)
