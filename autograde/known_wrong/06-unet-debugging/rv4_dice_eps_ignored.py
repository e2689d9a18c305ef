# replaces: dice_coefficient
# loses: test_dice_values
# why: ignores the eps argument (always 1e-6)
def dice_coefficient(probs: torch.Tensor, targets: torch.Tensor, eps: float = 1e-6) -> torch.Tensor:
    inter = (probs * targets).sum(dim=(2, 3))
    denom = probs.sum(dim=(2, 3)) + targets.sum(dim=(2, 3))
    return ((2 * inter + 1e-6) / (denom + 1e-6)).mean()
