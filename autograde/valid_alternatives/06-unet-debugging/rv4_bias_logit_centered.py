# replaces: init_output_bias
# why: torch.logit and nn.init.constant_ for one channel; centred log-shares (log s - mean) for a softmax, written with bias.data.copy_
import math

def init_output_bias(head: nn.Conv2d, class_shares) -> None:
    bias = head.bias
    if bias is None:
        raise ValueError("init_output_bias needs a head with a bias (bias=True)")
    n = bias.numel()
    if n == 1:
        p = float(class_shares)
        if math.isnan(p) or p <= 0.0 or p >= 1.0:
            raise ValueError(f"p = {p} must lie strictly between 0 and 1")
        nn.init.constant_(bias, float(torch.logit(torch.tensor(p, dtype=torch.float64))))
        return
    if isinstance(class_shares, torch.Tensor):
        s = class_shares.detach().to("cpu", torch.float64).reshape(-1).clone()
    else:
        s = torch.tensor(list(np.asarray(class_shares, dtype=np.float64).reshape(-1)), dtype=torch.float64)
    if s.shape[0] != n:
        raise ValueError(f"expected {n} shares, got {s.shape[0]}")
    if torch.isnan(s).any() or (s <= 0).any():
        raise ValueError("every share must be positive")
    if not math.isclose(float(s.sum()), 1.0, rel_tol=0.0, abs_tol=1e-6):
        raise ValueError(f"shares sum to {float(s.sum())}, not 1")
    logs = torch.log(s)
    bias.data.copy_((logs - logs.mean()).to(bias.dtype))
