# replaces: replace_pointwise_convs
# why: iterates over every module and edits its own children dictionary (snapshot first, so new modules are not revisited)
def replace_pointwise_convs(model, ratio=2):
    replaced = 0
    for parent in list(model.modules()):
        for name, child in list(parent.named_children()):
            if type(child) is nn.Conv2d and child.kernel_size == (1, 1) and child.groups == 1:
                parent.add_module(name, GhostModule(child.in_channels, child.out_channels, 1, ratio,
                                                    stride=child.stride, relu=False))
                replaced += 1
    return replaced
