# replaces: dice_coefficient
# loses: test_dice_values, test_dice_empty, test_dice_gradient, test_evaluate_value
# why: leaves eps out, so an empty prediction of an empty mask gives 0/0 = NaN (and the eps argument is ignored); evaluate inherits it where a class is missing from both the masks and the predictions of an image
<<<<<<< solution
    intersection = (probs * targets).sum(dim=dims)
    total = probs.sum(dim=dims) + targets.sum(dim=dims)
    return ((2 * intersection + eps) / (total + eps)).mean()
=======
    return (2 * (probs * targets).sum(dim=dims) / (probs.sum(dim=dims) + targets.sum(dim=dims))).mean()
>>>>>>> variant
