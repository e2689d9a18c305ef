# replaces: batch_norm_train
# why: statistics from explicit sums over a (C, N*H*W) view, Bessel's correction written out by hand
def batch_norm_train(x, gamma, beta, running_mean, running_var, momentum=0.1, eps=1e-5):
    c = x.shape[1]
    flat = x.transpose(0, 1).reshape(c, -1)
    m = flat.shape[1]
    mean = flat.sum(dim=1) / m
    squared_dev = ((flat - mean[:, None]) ** 2).sum(dim=1)
    inv_std = 1.0 / torch.sqrt(squared_dev / m + eps)
    y = (x - mean.view(1, c, 1, 1)) * (inv_std * gamma).view(1, c, 1, 1) + beta.view(1, c, 1, 1)
    return y, (1 - momentum) * running_mean + momentum * mean, (1 - momentum) * running_var + momentum * squared_dev / (m - 1)
