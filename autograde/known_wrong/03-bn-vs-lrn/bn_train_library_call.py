# replaces: batch_norm_train
# loses: test_bn_train_tensor_ops
# why: F.batch_norm on copies of the running statistics: right numbers, but the library does the running (unbiased) variance update the exercise is about
def batch_norm_train(x, gamma, beta, running_mean, running_var, momentum=0.1, eps=1e-5):
    new_mean, new_var = running_mean.clone(), running_var.clone()
    y = F.batch_norm(x, new_mean, new_var, gamma, beta, training=True, momentum=momentum, eps=eps)
    return y, new_mean, new_var
