# replaces: evaluate
# loses: test_evaluate_leaves
# why: reseeds the global random generator "for a reproducible evaluation": every later dropout mask, shuffle and augmentation of the training loop restarts from seed 0 after each evaluation (the process is not left as it was found)
<<<<<<< solution
    modes = [(module, module.training) for module in model.modules()]
=======
    torch.manual_seed(0)
    modes = [(module, module.training) for module in model.modules()]
>>>>>>> variant
