# replaces: dice_coefficient
# why: flattens the pixels, einsum for the intersection, mean over classes then over samples
def dice_coefficient(probs: torch.Tensor, targets: torch.Tensor, eps: float = 1e-6) -> torch.Tensor:
    p = probs.flatten(start_dim=2)
    t = targets.flatten(start_dim=2).to(p.dtype)
    overlap = torch.einsum("ncx,ncx->nc", p, t)
    total = p.sum(-1) + t.sum(-1)
    per = (2.0 * overlap + eps) / (total + eps)
    return per.mean(dim=1).mean(dim=0)
