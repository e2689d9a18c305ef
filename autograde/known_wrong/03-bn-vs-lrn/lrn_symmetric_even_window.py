# replaces: local_response_norm
# loses: test_lrn_even
# why: pads size // 2 channels on both sides, so an even window covers size + 1 channels instead of PyTorch's lopsided size
def local_response_norm(x, size, alpha=1e-4, beta=0.75, k=1.0):
    channels = x.shape[1]
    half = size // 2
    squares = F.pad(x * x, (0, 0, 0, 0, half, half))
    window_sum = sum(squares[:, i:i + channels] for i in range(2 * half + 1))
    return x / (k + alpha / size * window_sum) ** beta
