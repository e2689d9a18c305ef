# replaces: dice_coefficient
# loses: test_dice_values, test_dice_empty, test_dice_gradient
# why: for C >= 2 turns the probabilities into a one-hot argmax before the Dice: not soft, not differentiable
def dice_coefficient(probs, targets, eps=1e-6):
    if probs.shape[1] > 1:
        probs = F.one_hot(probs.argmax(dim=1), probs.shape[1]).permute(0, 3, 1, 2).to(targets.dtype)
    inter = (probs * targets).sum(dim=(2, 3))
    dice = (2 * inter + eps) / (probs.sum(dim=(2, 3)) + targets.sum(dim=(2, 3)) + eps)
    return dice.mean()
