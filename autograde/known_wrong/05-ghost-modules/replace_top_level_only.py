# replaces: replace_pointwise_convs
# loses: test_replace_nested, test_replace_flat
# why: walks only the model's direct children, missing 1x1 convolutions inside submodules
def replace_pointwise_convs(model, ratio=2):
    count = 0
    for name, child in model.named_children():
        if isinstance(child, nn.Conv2d) and child.kernel_size == (1, 1) and child.groups == 1:
            model.add_module(name, GhostModule(child.in_channels, child.out_channels, 1, ratio,
                                               stride=child.stride, relu=False))
            count += 1
    return count
