# replaces: batch_norm_eval
# why: folds BN into one per-channel scale and shift, as done when fusing BN into a convolution for deployment
def batch_norm_eval(x, gamma, beta, running_mean, running_var, eps=1e-5):
    scale = gamma * torch.rsqrt(running_var + eps)
    shift = beta - running_mean * scale
    return x * scale.reshape(1, -1, 1, 1) + shift.reshape(1, -1, 1, 1)
