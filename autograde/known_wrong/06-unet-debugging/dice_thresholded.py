# replaces: dice_coefficient
# loses: test_dice_values, test_dice_gradient
# why: thresholds the probabilities first: a hard Dice, not differentiable, so 1 - dice cannot train anything
<<<<<<< solution
    dims = tuple(range(2, probs.dim()))
=======
    probs = (probs > 0.5).float()
    dims = tuple(range(2, probs.dim()))
>>>>>>> variant
