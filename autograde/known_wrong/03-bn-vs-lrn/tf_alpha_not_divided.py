# replaces: torch_lrn_to_tf
# loses: test_torch_lrn_to_tf
# why: copies PyTorch's alpha unchanged, forgetting that PyTorch divides it by size and TensorFlow does not
def torch_lrn_to_tf(size, alpha, beta, k):
    if size % 2 == 0:
        raise ValueError("even size has no TensorFlow equivalent")
    return {"depth_radius": (size - 1) // 2, "bias": k, "alpha": alpha, "beta": beta}
