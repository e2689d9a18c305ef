# replaces: init_output_bias
# loses: test_bias_in_place
# why: checks the sum, then renormalises the caller's NumPy array in place (np.asarray returns the same object)
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
            head.bias.fill_(math.log(p / (1 - p)))
        else:
            s = np.asarray(class_shares)
            if s.shape != (C,) or not np.all(s > 0) or abs(s.sum() - 1) > 1e-6:
                raise ValueError(f"shares {s} do not fit {C} classes")
            s /= s.sum()
            head.bias.copy_(torch.as_tensor(np.log(s)))
