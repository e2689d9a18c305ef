# replaces: dice_coefficient
# loses: test_dice_values
# why: ignores the eps argument (always 1e-6)
<<<<<<< solution
    return ((2 * intersection + eps) / (total + eps)).mean()
=======
    return ((2 * intersection + 1e-6) / (total + 1e-6)).mean()
>>>>>>> variant
