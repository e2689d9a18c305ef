# replaces: replace_pointwise_convs
# loses: test_replace_flat, test_replace_nested
# why: setattr(model, "1.0.conv", new) for a nested name: registers a new top-level child with a dotted name and leaves the real conv in place
def replace_pointwise_convs(model: nn.Module, ratio: int = 2) -> int:
    found = [(name, m) for name, m in model.named_modules()
             if name and isinstance(m, nn.Conv2d) and tuple(m.kernel_size) == (1, 1) and m.groups == 1
             and (isinstance(m.padding, str) or tuple(m.padding) == (0, 0))
             and not any(isinstance(p, GhostModule) for p in model.modules() if any(q is m for q in p.modules()))]
    for name, conv in found:
        new = GhostModule(conv.in_channels, conv.out_channels, 1, ratio, stride=conv.stride, relu=False)
        setattr(model, name, new.to(conv.weight.device, conv.weight.dtype).train(conv.training))
    return len(found)
