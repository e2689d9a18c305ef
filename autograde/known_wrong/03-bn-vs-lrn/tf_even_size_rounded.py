# replaces: torch_lrn_to_tf
# loses: test_torch_lrn_to_tf_even
# why: silently rounds an even size to a symmetric window instead of refusing a conversion that cannot be exact
def torch_lrn_to_tf(size, alpha, beta, k):
    return {"depth_radius": size // 2 if size % 2 == 0 else (size - 1) // 2, "bias": k, "alpha": alpha / size, "beta": beta}
