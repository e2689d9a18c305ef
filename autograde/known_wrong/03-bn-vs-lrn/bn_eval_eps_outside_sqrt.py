# replaces: batch_norm_eval
# loses: test_bn_eval
# why: adds eps to the standard deviation instead of to the variance under the square root
def batch_norm_eval(x, gamma, beta, running_mean, running_var, eps=1e-5):
    c = lambda v: v[None, :, None, None]
    return (x - c(running_mean)) / (torch.sqrt(c(running_var)) + eps) * c(gamma) + c(beta)
