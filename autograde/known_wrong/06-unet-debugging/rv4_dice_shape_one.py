# replaces: dice_coefficient
# loses: test_dice_values, test_dice_empty
# why: returns a tensor of shape (1,), not a 0-dimensional one
<<<<<<< solution
    return ((2 * intersection + eps) / (total + eps)).mean()
=======
    return ((2 * intersection + eps) / (total + eps)).mean().reshape(1)
>>>>>>> variant
