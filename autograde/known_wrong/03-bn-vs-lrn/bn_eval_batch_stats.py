# replaces: batch_norm_eval
# loses: test_bn_eval
# why: normalises with the current batch's statistics in eval mode instead of the running statistics
def batch_norm_eval(x, gamma, beta, running_mean, running_var, eps=1e-5):
    mean = x.mean(dim=(0, 2, 3), keepdim=True)
    var = x.var(dim=(0, 2, 3), unbiased=False, keepdim=True)
    return (x - mean) / torch.sqrt(var + eps) * gamma[None, :, None, None] + beta[None, :, None, None]
