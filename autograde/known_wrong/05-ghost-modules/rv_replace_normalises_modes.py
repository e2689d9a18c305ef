# replaces: replace_pointwise_convs
# loses: test_replace_nested
# why: puts the model in eval mode while it works and "restores" it with model.train(was_training), which sets EVERY submodule to the top-level mode: a model with a frozen (eval-mode) backbone and a training head comes back entirely in training mode; the contract asks to leave the model's modes as they were and the new module to take its convolution's mode
<<<<<<< solution
    places = list(model.named_modules(remove_duplicate=False))   # every place a module is used, shared ones too
=======
    was_training = model.training
    model.eval()
    places = list(model.named_modules(remove_duplicate=False))   # every place a module is used, shared ones too
>>>>>>> variant
<<<<<<< solution
    return len(replacements)
=======
    model.train(was_training)
    return len(replacements)
>>>>>>> variant
