# replaces: replace_pointwise_convs
# loses: test_replace_flat, test_replace_nested
# why: passes conv.stride[0] on, so a (2, 1) stride becomes (2, 2) and the replacement returns a smaller map
def replace_pointwise_convs(model, ratio=2):
    count = 0
    for name, child in model.named_children():
        if isinstance(child, nn.Conv2d) and child.kernel_size == (1, 1) and child.groups == 1:
            model.add_module(name, GhostModule(child.in_channels, child.out_channels, 1, ratio,
                                               stride=child.stride[0], relu=False))
            count += 1
        else:
            count += replace_pointwise_convs(child, ratio)
    return count
