# replaces: dice_coefficient
# loses: test_dice_values, test_dice_empty, test_evaluate_value
# why: adds eps to the denominator only: no NaN, but an empty prediction of an empty mask scores 0 instead of 1; evaluate inherits it where a class is missing from both the masks and the predictions of an image
<<<<<<< solution
    return ((2 * intersection + eps) / (total + eps)).mean()
=======
    return ((2 * intersection) / (total + eps)).mean()
>>>>>>> variant
