# replaces: dice_coefficient
# loses: test_dice_values, test_dice_empty
# why: returns a tensor of shape (1,), not a 0-dimensional one
def dice_coefficient(probs: torch.Tensor, targets: torch.Tensor, eps: float = 1e-6) -> torch.Tensor:
    inter = (probs * targets).sum(dim=(2, 3))
    denom = probs.sum(dim=(2, 3)) + targets.sum(dim=(2, 3))
    return ((2 * inter + eps) / (denom + eps)).mean().reshape(1)
