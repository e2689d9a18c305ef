# replaces: replace_pointwise_convs
# why: recursion over named_modules(remove_duplicate=False) collected first, setattr on the parent, one Ghost per distinct conv, built under no_grad
def replace_pointwise_convs(model, ratio=2):
    def is_pointwise(m):
        if not (isinstance(m, nn.Conv2d) and m.kernel_size == (1, 1) and m.groups == 1):
            return False
        return m.padding in ("valid", "same") or all(p == 0 for p in m.padding)

    ghosts = set(id(m) for m in modules_of(model) if isinstance(m, GhostModule))
    inside_ghost = set()
    for m in modules_of(model):
        if id(m) in ghosts:
            inside_ghost.update(id(sub) for sub in modules_of(m))
    places = []
    for parent_name, parent in model.named_modules(remove_duplicate=False):
        if id(parent) in inside_ghost:
            continue
        for name, child in parent._modules.items():
            if child is not None and id(child) not in inside_ghost and is_pointwise(child):
                places.append((parent, name, child))
    made = {}
    for parent, name, conv in places:
        if id(conv) not in made:
            with torch.no_grad():
                new = GhostModule(conv.in_channels, conv.out_channels, 1, ratio, stride=conv.stride, relu=False)
            made[id(conv)] = new.to(device=conv.weight.device, dtype=conv.weight.dtype).train(conv.training)
        setattr(parent, name, made[id(conv)])
    return len(made)
