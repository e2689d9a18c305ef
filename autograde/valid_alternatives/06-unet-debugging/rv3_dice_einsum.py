# replaces: dice_coefficient
# why: flattens the pixels and sums with einsum; mean over samples and classes in one call
def dice_coefficient(probs, targets, eps=1e-6):
    n, c = probs.shape[:2]
    p = probs.reshape(n, c, -1)
    t = targets.reshape(n, c, -1).to(p.dtype)
    inter = torch.einsum("ncp,ncp->nc", p, t)
    return ((2 * inter + eps) / (p.sum(-1) + t.sum(-1) + eps)).mean()
