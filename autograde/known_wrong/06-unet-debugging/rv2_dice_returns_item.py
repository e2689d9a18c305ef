# replaces: dice_coefficient
# loses: test_dice_gradient
# why: returns .item(), a Python float: no gradient, so 1 - dice cannot be a loss
def dice_coefficient(probs: torch.Tensor, targets: torch.Tensor, eps: float = 1e-6):
    inter = (probs * targets).sum(dim=(2, 3))
    denom = probs.sum(dim=(2, 3)) + targets.sum(dim=(2, 3))
    return ((2 * inter + eps) / (denom + eps)).mean().item()
