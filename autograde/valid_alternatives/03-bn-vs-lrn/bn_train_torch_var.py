# replaces: batch_norm_train
# why: torch.var with unbiased=False for the output and unbiased=True for the running variance
def batch_norm_train(x, gamma, beta, running_mean, running_var, momentum=0.1, eps=1e-5):
    mean = x.mean(dim=(0, 2, 3), keepdim=True)
    var = x.var(dim=(0, 2, 3), unbiased=False, keepdim=True)
    y = (x - mean) / torch.sqrt(var + eps) * gamma.view(1, -1, 1, 1) + beta.view(1, -1, 1, 1)
    new_mean = running_mean + momentum * (mean.flatten() - running_mean)
    new_var = running_var + momentum * (x.var(dim=(0, 2, 3), unbiased=True) - running_var)
    return y, new_mean, new_var
