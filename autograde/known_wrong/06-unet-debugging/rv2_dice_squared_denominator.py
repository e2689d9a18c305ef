# replaces: dice_coefficient
# loses: test_dice_values, test_dice_gradient
# why: V-Net's denominator sum p^2 + sum g^2 instead of the contract's sum p + sum g (differs on soft probabilities)
def dice_coefficient(probs: torch.Tensor, targets: torch.Tensor, eps: float = 1e-6) -> torch.Tensor:
    inter = (probs * targets).sum(dim=(2, 3))
    denom = (probs ** 2).sum(dim=(2, 3)) + (targets ** 2).sum(dim=(2, 3))
    return ((2 * inter + eps) / (denom + eps)).mean()
