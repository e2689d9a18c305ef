# replaces: replace_pointwise_convs
# loses: test_replace_nested
# why: walks into Ghost modules too: a second call replaces each Ghost module's primary 1x1 conv by another Ghost module
def replace_pointwise_convs(model, ratio=2):
    replaced = {}
    for name, conv in list(model.named_modules(remove_duplicate=False)):
        if type(conv) is nn.Conv2d and conv.kernel_size == (1, 1) and conv.groups == 1 and name:
            if conv not in replaced:
                replaced[conv] = GhostModule(conv.in_channels, conv.out_channels, 1, ratio, stride=conv.stride,
                                             relu=False).to(conv.weight.device, conv.weight.dtype).train(conv.training)
            model.set_submodule(name, replaced[conv])
    return len(replaced)
