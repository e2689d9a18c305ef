# replaces: dice_coefficient
# loses: test_dice_gradient
# why: detaches the denominator: finite, nonzero, but wrong gradient
def dice_coefficient(probs: torch.Tensor, targets: torch.Tensor, eps: float = 1e-6) -> torch.Tensor:
    inter = (probs * targets).sum(dim=(2, 3))
    denom = probs.detach().sum(dim=(2, 3)) + targets.sum(dim=(2, 3))
    return ((2 * inter + eps) / (denom + eps)).mean()
