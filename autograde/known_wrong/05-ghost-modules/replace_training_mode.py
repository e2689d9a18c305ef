# replaces: replace_pointwise_convs
# loses: test_replace_nested
# why: new modules start in training mode even inside a model in eval mode: its BatchNorm uses batch statistics at inference
def replace_pointwise_convs(model, ratio=2):
    replaced = {}

    def visit(module):
        for name, child in list(module._modules.items()):
            if child is None or isinstance(child, GhostModule):
                continue
            if type(child) is nn.Conv2d and child.kernel_size == (1, 1) and child.groups == 1:
                if child not in replaced:
                    replaced[child] = GhostModule(child.in_channels, child.out_channels, 1, ratio, stride=child.stride,
                                                  relu=False).to(child.weight.device, child.weight.dtype)
                module.add_module(name, replaced[child])
            else:
                visit(child)

    visit(model)
    return len(replaced)
