# replaces: batch_norm_train
# loses: test_bn_train_running
# why: uses Keras's convention (momentum = weight of the OLD value) with PyTorch's momentum of 0.1
def batch_norm_train(x, gamma, beta, running_mean, running_var, momentum=0.1, eps=1e-5):
    mean = x.mean(dim=(0, 2, 3))
    var = x.var(dim=(0, 2, 3), unbiased=False)
    var_unbiased = x.var(dim=(0, 2, 3), unbiased=True)
    y = (x - mean[None, :, None, None]) / torch.sqrt(var[None, :, None, None] + eps)
    y = y * gamma[None, :, None, None] + beta[None, :, None, None]
    return y, momentum * running_mean + (1 - momentum) * mean, momentum * running_var + (1 - momentum) * var_unbiased
