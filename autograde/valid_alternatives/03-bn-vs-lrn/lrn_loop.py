# replaces: local_response_norm
# why: an explicit loop over output channels with clipped window bounds (no padding)
def local_response_norm(x, size, alpha=1e-4, beta=0.75, k=1.0):
    channels = x.shape[1]
    outputs = []
    for c in range(channels):
        low = max(0, c - size // 2)
        high = min(channels, c + (size - 1) // 2 + 1)
        energy = (x[:, low:high] ** 2).sum(dim=1)
        outputs.append(x[:, c] / (k + alpha / size * energy) ** beta)
    return torch.stack(outputs, dim=1)
