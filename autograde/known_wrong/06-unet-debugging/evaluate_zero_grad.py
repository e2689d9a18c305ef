# replaces: evaluate
# loses: test_evaluate_leaves
# why: calls model.zero_grad() "to start clean": the gradients accumulated by a training loop that evaluates between two accumulation steps are deleted (set to None), so the model is not left as it was found
<<<<<<< solution
    modes = [(module, module.training) for module in model.modules()]
=======
    model.zero_grad()
    modes = [(module, module.training) for module in model.modules()]
>>>>>>> variant
