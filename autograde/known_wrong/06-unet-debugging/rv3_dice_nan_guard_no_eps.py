# replaces: dice_coefficient
# loses: test_dice_values, test_dice_empty, test_dice_gradient
# why: ignores eps: 2 sum(PT) / (sum P + sum T), with the empty case set to 1 by torch.where (values shift by eps; the gradient of an empty sample is NaN)
def dice_coefficient(probs, targets, eps=1e-6):
    inter = (probs * targets).sum(dim=(2, 3))
    total = probs.sum(dim=(2, 3)) + targets.sum(dim=(2, 3))
    dice = torch.where(total == 0, torch.ones_like(total), 2 * inter / total)
    return dice.mean()
