# replaces: replace_pointwise_convs
# loses: test_replace_flat, test_replace_nested
# why: recognises a convolution by its kernel_size attribute, so a 1x1 nn.ConvTranspose2d is replaced too
def replace_pointwise_convs(model, ratio=2):
    count = 0
    for name, child in model.named_children():
        if tuple(getattr(child, "kernel_size", ())) == (1, 1) and getattr(child, "groups", 1) == 1:
            model.add_module(name, GhostModule(child.in_channels, child.out_channels, 1, ratio,
                                               stride=child.stride, relu=False))
            count += 1
        else:
            count += replace_pointwise_convs(child, ratio)
    return count
