# replaces: replace_pointwise_convs
# loses: test_replace_nested
# why: sets only the new module's own .training flag (its BatchNorms keep training inside an eval-mode model) and hides it: the new modules override named_modules() to list only themselves, and parameters() / buffers() to list the real tensors
class _ListsOnlyItself(GhostModule):
    def named_modules(self, memo=None, prefix="", remove_duplicate=True):
        if memo is None:
            memo = set()
        if self not in memo:
            if remove_duplicate:
                memo.add(self)
            yield prefix, self

    def _inside(self):
        found, todo = [], [self]
        while todo:
            m = todo.pop(0)
            if all(m is not f for f in found):
                found.append(m)
                todo.extend(c for c in m._modules.values() if c is not None)
        return found

    def parameters(self, recurse=True):
        for m in self._inside():
            yield from (p for p in m._parameters.values() if p is not None)

    def buffers(self, recurse=True):
        for m in self._inside():
            yield from (b for b in m._buffers.values() if b is not None)


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
                new = _ListsOnlyItself(child.in_channels, child.out_channels, 1, ratio, stride=child.stride, relu=False)
                new.to(child.weight.device, child.weight.dtype)
                new.training = child.training
                done[id(child)] = (child, new)
                parent.add_module(name, new)
            else:
                visit(child)

    visit(model)
    return len(done)
