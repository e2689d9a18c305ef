# replaces: batch_norm_train
# loses: test_bn_train_pure
# why: updates the running statistics in place like a layer's buffers, changing the caller's tensors
def batch_norm_train(x, gamma, beta, running_mean, running_var, momentum=0.1, eps=1e-5):
    mean = x.mean(dim=(0, 2, 3))
    var = x.var(dim=(0, 2, 3), unbiased=False)
    y = (x - mean[None, :, None, None]) / torch.sqrt(var[None, :, None, None] + eps)
    y = y * gamma[None, :, None, None] + beta[None, :, None, None]
    running_mean.mul_(1 - momentum).add_(momentum * mean)
    running_var.mul_(1 - momentum).add_(momentum * x.var(dim=(0, 2, 3), unbiased=True))
    return y, running_mean, running_var
