# replaces: evaluate
# loses: test_evaluate_leaves
# why: seeds the global RNG 'for reproducible evaluation'
<<<<<<< solution
    modes = [(module, module.training) for module in model.modules()]
=======
    torch.manual_seed(0)                  # 'reproducible evaluation'
    modes = [(module, module.training) for module in model.modules()]
>>>>>>> variant
