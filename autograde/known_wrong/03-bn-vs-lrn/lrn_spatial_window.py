# replaces: local_response_norm
# loses: test_lrn_odd, test_lrn_even
# why: sums the squares over neighbouring pixels along the width (a spatial window) instead of over neighbouring channels
def local_response_norm(x, size, alpha=1e-4, beta=0.75, k=1.0):
    width = x.shape[3]
    squares = F.pad(x * x, (size // 2, (size - 1) // 2))
    window_sum = sum(squares[..., i:i + width] for i in range(size))
    return x / (k + alpha / size * window_sum) ** beta
