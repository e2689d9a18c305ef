# replaces: dice_coefficient
# loses: test_dice_gradient
# why: detaches the denominator: finite, nonzero, but wrong gradient
<<<<<<< solution
    total = probs.sum(dim=dims) + targets.sum(dim=dims)
=======
    total = probs.detach().sum(dim=dims) + targets.sum(dim=dims)
>>>>>>> variant
