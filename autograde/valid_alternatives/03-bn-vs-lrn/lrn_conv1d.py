# replaces: local_response_norm
# why: window sum as a 1-D convolution with a ones kernel along the channel axis (pixels moved into the batch)
def local_response_norm(x, size, alpha=1e-4, beta=0.75, k=1.0):
    n, c, h, w = x.shape
    squares = (x * x).permute(0, 2, 3, 1).reshape(n * h * w, 1, c)
    squares = F.pad(squares, (size // 2, (size - 1) // 2))
    window_sum = F.conv1d(squares, torch.ones(1, 1, size, dtype=x.dtype))
    window_sum = window_sum.reshape(n, h, w, c).permute(0, 3, 1, 2)
    return x / (k + alpha / size * window_sum) ** beta
