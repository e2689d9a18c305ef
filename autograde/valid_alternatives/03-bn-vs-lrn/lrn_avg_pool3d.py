# replaces: local_response_norm
# why: PyTorch's own formulation: average-pool the squares over a (size, 1, 1) window on an added depth axis
def local_response_norm(x, size, alpha=1e-4, beta=0.75, k=1.0):
    squares = (x * x).unsqueeze(1)                                   # (N, 1, C, H, W): channels become depth
    squares = F.pad(squares, (0, 0, 0, 0, size // 2, (size - 1) // 2))
    mean_in_window = F.avg_pool3d(squares, (size, 1, 1), stride=1).squeeze(1)
    return x / (k + alpha * mean_in_window) ** beta
