# replaces: replace_pointwise_convs
# loses: test_replace_nested
# why: moves every new Ghost module to the device of the model's FIRST parameter instead of the replaced convolution's device: in a model split across devices (pipeline parallel, or a CPU-offloaded part) a Ghost module lands on the wrong device; the contract says .to(conv.weight.device, conv.weight.dtype)
<<<<<<< solution
    places = list(model.named_modules(remove_duplicate=False))   # every place a module is used, shared ones too
=======
    device = next(model.parameters()).device
    places = list(model.named_modules(remove_duplicate=False))   # every place a module is used, shared ones too
>>>>>>> variant
<<<<<<< solution
            replacements[conv] = ghost.to(conv.weight.device, conv.weight.dtype).train(conv.training)
=======
            replacements[conv] = ghost.to(device=device, dtype=conv.weight.dtype).train(conv.training)
>>>>>>> variant
