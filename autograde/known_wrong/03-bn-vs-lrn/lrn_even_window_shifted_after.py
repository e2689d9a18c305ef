# replaces: local_response_norm
# loses: test_lrn_even
# why: puts the extra channel of an even window AFTER the centre ((size-1)//2 before, size//2 after); PyTorch puts it before
def local_response_norm(x, size, alpha=1e-4, beta=0.75, k=1.0):
    channels = x.shape[1]
    squares = F.pad(x * x, (0, 0, 0, 0, (size - 1) // 2, size // 2))
    window_sum = sum(squares[:, i:i + channels] for i in range(size))
    return x / (k + alpha / size * window_sum) ** beta
