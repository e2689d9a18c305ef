# replaces: batch_norm_eval
# loses: test_bn_eval_tensor_ops
# why: F.batch_norm(training=False) does the exercise's arithmetic for it (right numbers, but not the exercise)
def batch_norm_eval(x, gamma, beta, running_mean, running_var, eps=1e-5):
    return F.batch_norm(x, running_mean, running_var, gamma, beta, training=False, eps=eps)
