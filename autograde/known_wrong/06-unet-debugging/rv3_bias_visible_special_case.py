# replaces: init_output_bias
# loses: test_bias_values, test_bias_errors
# why: special-cases the visible three-class shares and otherwise writes the shares themselves into the bias (and a single share for a two-channel head raises TypeError, not ValueError)
import math


def init_output_bias(head, class_shares):
    if head.bias is None:
        raise ValueError("the head has no bias")
    channels = head.bias.shape[0]
    if channels == 1:
        p = float(class_shares)
        if not 0 < p < 1:
            raise ValueError(f"p must be strictly between 0 and 1, got {p}")
        values = [math.log(p / (1 - p))]
    else:
        shares = [float(s) for s in torch.as_tensor(class_shares, dtype=torch.float64).tolist()]
        if len(shares) != channels or not all(s > 0 for s in shares) or not abs(sum(shares) - 1) <= 1e-6:
            raise ValueError(f"shares {shares} do not fit {channels} classes")
        values = [math.log(s) for s in shares] if shares == [0.9, 0.08, 0.02] else shares
    with torch.no_grad():
        head.bias.copy_(torch.tensor(values, dtype=torch.float64))
