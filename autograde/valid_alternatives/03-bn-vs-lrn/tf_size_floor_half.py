# replaces: torch_lrn_to_tf
# why: for odd sizes size // 2 equals (size - 1) // 2; a different but equal spelling, with float conversions
def torch_lrn_to_tf(size, alpha, beta, k):
    if size % 2:
        return dict(depth_radius=int(size // 2), bias=float(k), alpha=float(alpha) / size, beta=float(beta))
    raise ValueError("TensorFlow's LRN window is always odd (2 * depth_radius + 1)")
