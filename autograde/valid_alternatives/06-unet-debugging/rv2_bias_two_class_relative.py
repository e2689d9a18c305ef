# replaces: init_output_bias
# why: softmax bias relative to class 0 (ln s_c - ln s_0: a constant shift); validation with math, writes with
#   bias.data.copy_ (in place, same Parameter, dtype kept)
import math

def init_output_bias(head: nn.Conv2d, class_shares) -> None:
    bias = head.bias
    if bias is None:
        raise ValueError("init_output_bias needs a head with a bias")
    channels = bias.numel()
    if channels == 1:
        p = float(class_shares)
        if not (p > 0.0 and p < 1.0):
            raise ValueError(f"the foreground share must lie strictly between 0 and 1, got {p}")
        values = [math.log(p) - math.log1p(-p)]
    else:
        listed = class_shares.tolist() if hasattr(class_shares, "tolist") else class_shares
        if not isinstance(listed, (list, tuple)):
            raise ValueError(f"{channels} output channels need a sequence of {channels} shares, got {class_shares!r}")
        shares = [float(s) for s in listed]
        if len(shares) != channels:
            raise ValueError(f"{len(shares)} shares for {channels} output channels")
        if not all(s > 0 for s in shares):
            raise ValueError(f"shares must be positive: {shares}")
        if abs(math.fsum(shares) - 1.0) > 1e-6:
            raise ValueError(f"shares sum to {math.fsum(shares)}, not 1")
        values = [math.log(s) - math.log(shares[0]) for s in shares]
    bias.data.copy_(torch.tensor(values, dtype=torch.float64))
