# replaces: local_response_norm
# loses: test_lrn_tensor_ops
# why: calls the library LRN instead of writing the window sum (right numbers, but not the exercise)
def local_response_norm(x, size, alpha=1e-4, beta=0.75, k=1.0):
    return nn.LocalResponseNorm(size, alpha=alpha, beta=beta, k=k)(x)
