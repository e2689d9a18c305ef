# replaces: init_output_bias
# loses: test_bias_values
# why: log-odds upside down, ln((1 - p) / p): sigmoid(bias) = 1 - p, the network starts predicting 98% foreground
import math

def init_output_bias(head: nn.Conv2d, class_shares) -> None:
    if head.bias is None:
        raise ValueError("the head has no bias")
    C = head.bias.shape[0]
    with torch.no_grad():
        if C == 1:
            p = float(class_shares)
            if not 0 < p < 1:
                raise ValueError(f"p = {p} must lie strictly between 0 and 1")
            head.bias.fill_(math.log((1 - p) / p))
        else:
            s = np.array(class_shares, dtype=np.float64).reshape(-1)
            if s.shape[0] != C or not np.all(s > 0) or abs(s.sum() - 1) > 1e-6:
                raise ValueError(f"shares {s} do not fit {C} classes")
            head.bias.copy_(torch.from_numpy(np.log(s)))
