# replaces: evaluate
# loses: test_evaluate_mode, test_evaluate_leaves
# why: calls model.train() at the end instead of restoring the previous mode, so a model that was in eval mode comes back training
<<<<<<< solution
        for module, mode in modes:
            module.training = mode
=======
        model.train()
>>>>>>> variant
