# replaces: batch_norm_train
# loses: test_bn_train_output
# why: normalises the output with the unbiased variance (torch.var's default); the output uses the biased one
def batch_norm_train(x, gamma, beta, running_mean, running_var, momentum=0.1, eps=1e-5):
    mean = x.mean(dim=(0, 2, 3))
    var = x.var(dim=(0, 2, 3))
    y = (x - mean[None, :, None, None]) / torch.sqrt(var[None, :, None, None] + eps)
    y = y * gamma[None, :, None, None] + beta[None, :, None, None]
    return y, (1 - momentum) * running_mean + momentum * mean, (1 - momentum) * running_var + momentum * var
