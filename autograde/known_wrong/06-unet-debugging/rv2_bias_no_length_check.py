# replaces: init_output_bias
# loses: test_bias_errors
# why: never compares the number of shares with C: copy_ broadcasts [1.0] onto three channels without a word
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
            s = torch.as_tensor(class_shares, dtype=torch.float64).reshape(-1)
            if not bool((s > 0).all()) or abs(float(s.sum()) - 1) > 1e-6:
                raise ValueError(f"shares {s.tolist()} are not positive or do not sum to 1")
            head.bias.copy_(torch.log(s))
