# replaces: evaluate
# loses: test_evaluate_mode
# why: calls model.train() at the end instead of restoring the previous mode, so a model that was in eval mode comes back training
<<<<<<< solution
        model.train(was_training)
=======
        model.train()
>>>>>>> variant
