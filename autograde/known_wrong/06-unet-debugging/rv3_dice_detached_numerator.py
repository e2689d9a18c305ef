# replaces: dice_coefficient
# loses: test_dice_gradient
# why: detaches the intersection, so the gradient comes from the denominator only (it pushes every probability down)
def dice_coefficient(probs, targets, eps=1e-6):
    inter = (probs.detach() * targets).sum(dim=(2, 3))
    dice = (2 * inter + eps) / (probs.sum(dim=(2, 3)) + targets.sum(dim=(2, 3)) + eps)
    return dice.mean()
