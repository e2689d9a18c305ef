# replaces: batch_norm_train
# loses: test_bn_train_running
# why: puts the biased batch variance into the running average; PyTorch stores the unbiased one (n / (n - 1))
def batch_norm_train(x, gamma, beta, running_mean, running_var, momentum=0.1, eps=1e-5):
    mean = x.mean(dim=(0, 2, 3))
    var = x.var(dim=(0, 2, 3), unbiased=False)
    y = (x - mean[None, :, None, None]) / torch.sqrt(var[None, :, None, None] + eps)
    y = y * gamma[None, :, None, None] + beta[None, :, None, None]
    return y, (1 - momentum) * running_mean + momentum * mean, (1 - momentum) * running_var + momentum * var
