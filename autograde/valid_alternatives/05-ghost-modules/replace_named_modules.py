# replaces: replace_pointwise_convs
# why: (a Ghost module passed as the model is left alone, as the contract now states) recursive walk over each module's children dictionary (lists a shared child in every slot), stops at Ghost modules
def replace_pointwise_convs(model, ratio=2):
    done = {}

    def walk(module):
        for name, child in list(module._modules.items()):
            if child is None or isinstance(child, GhostModule):
                continue
            if (isinstance(child, nn.Conv2d) and tuple(child.kernel_size) == (1, 1) and child.groups == 1
                    and child.padding in ((0, 0), "valid", "same")):
                if id(child) not in done:
                    new = GhostModule(child.in_channels, child.out_channels, kernel_size=1, ratio=ratio,
                                      stride=tuple(child.stride), relu=False)
                    new.to(device=child.weight.device, dtype=child.weight.dtype)
                    new.train(child.training)
                    done[id(child)] = new
                setattr(module, name, done[id(child)])
            else:
                walk(child)

    if not isinstance(model, GhostModule):   # a Ghost module passed as the model stays as it is
        walk(model)
    return int(len(done))
