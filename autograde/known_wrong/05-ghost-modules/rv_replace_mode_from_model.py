# replaces: replace_pointwise_convs
# loses: test_replace_nested
# why: the new Ghost module takes the mode of the whole model (model.training), not of the convolution it replaces: in a model whose frozen backbone was put in eval mode while the head trains, the backbone's new Ghost modules come out in training mode (their BatchNorms then normalise with batch statistics and update their running statistics)
def replace_pointwise_convs(model: nn.Module, ratio: int = 2) -> int:
    """Replace every dense 1x1 nn.Conv2d in `model` (any depth) by a linear GhostModule; return the count."""
    made = {}

    def walk(module):
        for name, child in list(module.named_children()):
            if isinstance(child, GhostModule):
                continue
            if isinstance(child, nn.Conv2d) and child.kernel_size == (1, 1) and child.groups == 1:
                if child not in made:
                    ghost = GhostModule(child.in_channels, child.out_channels, 1, ratio, stride=child.stride, relu=False)
                    made[child] = ghost.to(child.weight.device, child.weight.dtype).train(model.training)
                setattr(module, name, made[child])
            else:
                walk(child)

    walk(model)
    return len(made)
