# replaces: local_response_norm
# loses: test_lrn_odd, test_lrn_even
# why: multiplies by beta instead of raising the denominator to the power beta
def local_response_norm(x, size, alpha=1e-4, beta=0.75, k=1.0):
    channels = x.shape[1]
    squares = F.pad(x * x, (0, 0, 0, 0, size // 2, (size - 1) // 2))
    window_sum = sum(squares[:, i:i + channels] for i in range(size))
    return x / ((k + alpha / size * window_sum) * beta)
