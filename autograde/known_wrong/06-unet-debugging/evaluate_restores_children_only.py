# replaces: evaluate
# loses: test_evaluate_leaves
# why: remembers and restores the mode of the model and of its direct children (model.children()) only; a BatchNorm or Dropout nested one level deeper (inside an nn.Sequential block, as in every U-Net) is left in eval mode after evaluating a training model, and a BatchNorm frozen there is not restored either. The tests' models are flat (conv, bn, drop are direct children), so children() and modules() agree on them
<<<<<<< solution
    modes = [(module, module.training) for module in model.modules()]
=======
    modes = [(model, model.training)] + [(child, child.training) for child in model.children()]
>>>>>>> variant
