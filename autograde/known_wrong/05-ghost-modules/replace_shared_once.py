# replaces: replace_pointwise_convs
# loses: test_replace_nested
# why: named_children() lists a module used twice only once, so the second use of a shared convolution stays a convolution
def replace_pointwise_convs(model, ratio=2):
    count = 0
    for name, child in model.named_children():
        if isinstance(child, GhostModule):
            continue
        if type(child) is nn.Conv2d and child.kernel_size == (1, 1) and child.groups == 1:
            ghost = GhostModule(child.in_channels, child.out_channels, 1, ratio, stride=child.stride, relu=False)
            model.add_module(name, ghost.to(child.weight.device, child.weight.dtype).train(child.training))
            count += 1
        else:
            count += replace_pointwise_convs(child, ratio)
    return count
