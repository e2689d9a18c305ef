# replaces: replace_pointwise_convs
# loses: test_replace_nested
# why: switches autograd off while it builds modules and then back ON with torch.set_grad_enabled(True) instead of restoring the previous mode: called inside `with torch.no_grad():` (the usual way to do model surgery) it leaves gradients enabled for the rest of that block; the hidden test calls it inside torch.no_grad()
<<<<<<< solution
    places = list(model.named_modules(remove_duplicate=False))   # every place a module is used, shared ones too
=======
    torch.set_grad_enabled(False)
    places = list(model.named_modules(remove_duplicate=False))   # every place a module is used, shared ones too
>>>>>>> variant
<<<<<<< solution
    return len(replacements)
=======
    torch.set_grad_enabled(True)
    return len(replacements)
>>>>>>> variant
