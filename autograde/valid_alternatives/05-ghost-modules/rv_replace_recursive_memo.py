# replaces: replace_pointwise_convs
# why: (a Ghost module passed as the model is left alone, as the contract now states) recursion over named_children with a memo (convolution -> its Ghost module) so a shared conv stays shared; an isinstance test; the weight's shape tells the 1x1 kernel; .to(conv.weight) for device and dtype; Ghost modules are not entered
def replace_pointwise_convs(model: nn.Module, ratio: int = 2) -> int:
    """Replace every dense 1x1 nn.Conv2d in `model` (any depth) by a linear GhostModule; return the count."""
    memo = {}
    visited = set()

    def visit(parent):
        if id(parent) in visited:
            return
        visited.add(id(parent))
        for name, child in list(parent._modules.items()):
            if child is None or isinstance(child, GhostModule):
                continue
            if child in memo:
                parent._modules[name] = memo[child]
            elif (isinstance(child, nn.Conv2d) and tuple(child.weight.shape[2:]) == (1, 1) and child.groups == 1
                  and child.padding in ((0, 0), "valid", "same")):
                new = GhostModule(child.in_channels, child.out_channels, 1, ratio, stride=child.stride, relu=False)
                memo[child] = new.to(child.weight).train(child.training)
                parent._modules[name] = memo[child]
            else:
                visit(child)

    if not isinstance(model, GhostModule):   # a Ghost module passed as the model stays as it is
        visit(model)
    return len(memo)
