# replaces: dice_coefficient
# why: flattens the pixels and uses einsum for the intersection
def dice_coefficient(probs, targets, eps=1e-6):
    p = probs.flatten(start_dim=2)
    t = targets.flatten(start_dim=2).to(p.dtype)
    intersection = torch.einsum("ncp,ncp->nc", p, t)
    return torch.mean((2.0 * intersection + eps) / (p.sum(-1) + t.sum(-1) + eps))
