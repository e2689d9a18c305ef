# replaces: init_output_bias
# loses: test_bias_values, test_bias_in_place
# why: assigns bias.data from a float64 NumPy computation: the same Parameter object, but now float64, so
#   the float32 model fails at its next forward pass (or mixes dtypes)
def init_output_bias(head: nn.Conv2d, class_shares) -> None:
    if head.bias is None:
        raise ValueError("the head has no bias")
    C = head.bias.shape[0]
    if C == 1:
        p = float(class_shares)
        if not 0 < p < 1:
            raise ValueError(f"p = {p} must lie strictly between 0 and 1")
        head.bias.data = torch.from_numpy(np.array([np.log(p / (1 - p))]))
    else:
        s = np.array(class_shares, dtype=np.float64).reshape(-1)
        if s.shape[0] != C or not np.all(s > 0) or abs(s.sum() - 1) > 1e-6:
            raise ValueError(f"shares {s} do not fit {C} classes")
        head.bias.data = torch.from_numpy(np.log(s))
