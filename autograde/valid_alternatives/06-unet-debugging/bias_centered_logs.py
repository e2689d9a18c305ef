# replaces: init_output_bias
# why: NumPy and torch.special.logit; centred log-shares for a softmax (a constant shift changes no probability); writes through .data
import numpy as np


def init_output_bias(head, class_shares):
    if head.bias is None:
        raise ValueError("head has no bias")
    shares = np.atleast_1d(np.asarray(class_shares, dtype=np.float64))
    if shares.size != head.out_channels:
        raise ValueError(f"expected {head.out_channels} shares, got {shares.size}")
    if head.out_channels == 1:
        if not 0.0 < shares[0] < 1.0:
            raise ValueError(f"foreground share {shares[0]} is not in (0, 1)")
        bias = torch.special.logit(torch.tensor(shares, dtype=torch.float64))
    else:
        if np.any(shares <= 0) or not np.isclose(shares.sum(), 1.0, rtol=0, atol=1e-6):
            raise ValueError(f"shares {shares} must be positive and sum to 1")
        logs = np.log(shares)
        bias = torch.from_numpy(logs - logs.mean())
    head.bias.data.copy_(bias)
    return head
