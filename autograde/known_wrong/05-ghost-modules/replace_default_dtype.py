# replaces: replace_pointwise_convs
# loses: test_replace_nested
# why: new modules are float32 on the CPU whatever the model: a float64 (or GPU) model then fails at its first forward pass
def replace_pointwise_convs(model, ratio=2):
    replaced = {}

    def visit(module):
        for name, child in list(module._modules.items()):
            if child is None or isinstance(child, GhostModule):
                continue
            if type(child) is nn.Conv2d and child.kernel_size == (1, 1) and child.groups == 1:
                if child not in replaced:
                    replaced[child] = GhostModule(child.in_channels, child.out_channels, 1, ratio, stride=child.stride,
                                                  relu=False).train(child.training)
                module.add_module(name, replaced[child])
            else:
                visit(child)

    visit(model)
    return len(replaced)
