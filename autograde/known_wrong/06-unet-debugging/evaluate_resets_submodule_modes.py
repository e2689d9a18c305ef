# replaces: evaluate
# loses: test_evaluate_leaves
# why: restores the mode with model.train(was_training), which puts every submodule in the top module's mode: a BatchNorm frozen in eval() inside a training model comes back training
<<<<<<< solution
    modes = [(module, module.training) for module in model.modules()]
    model.eval()
    try:
        with torch.no_grad():
            logits = model(images)
    finally:
        for module, mode in modes:
            module.training = mode
=======
    was_training = model.training
    model.eval()
    try:
        with torch.no_grad():
            logits = model(images)
    finally:
        model.train(was_training)
>>>>>>> variant
