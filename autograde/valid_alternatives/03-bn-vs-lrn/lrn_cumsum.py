# replaces: local_response_norm
# why: window sum as a difference of cumulative sums over the (zero-padded) channel axis
def local_response_norm(x, size, alpha=1e-4, beta=0.75, k=1.0):
    c = x.shape[1]
    squares = F.pad(x * x, (0, 0, 0, 0, size // 2 + 1, (size - 1) // 2))   # one extra zero in front
    running = squares.cumsum(dim=1)
    window_sum = running[:, size:size + c] - running[:, 0:c]
    return x / (k + alpha / size * window_sum) ** beta
