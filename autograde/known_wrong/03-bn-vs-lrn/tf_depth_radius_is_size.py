# replaces: torch_lrn_to_tf
# loses: test_torch_lrn_to_tf
# why: passes the window size as depth_radius, but TensorFlow's window spans 2 * depth_radius + 1 channels
def torch_lrn_to_tf(size, alpha, beta, k):
    if size % 2 == 0:
        raise ValueError("even size has no TensorFlow equivalent")
    return {"depth_radius": size, "bias": k, "alpha": alpha / size, "beta": beta}
