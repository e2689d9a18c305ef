# replaces: dice_coefficient
# loses: test_dice_values, test_dice_gradient, test_evaluate_value
# why: sums over the classes too: one Dice per sample, not per sample and class
<<<<<<< solution
    dims = tuple(range(2, probs.dim()))
=======
    dims = tuple(range(1, probs.dim()))
>>>>>>> variant
