# replaces: init_output_bias
# loses: test_bias_errors
# why: validates p with "p <= 0 or p >= 1" (and the shares with "<= 0"), comparisons that are all False for NaN: a foreground share of NaN (the mean of an empty list of masks, 0 / 0) is accepted and the bias becomes NaN, so every later loss is NaN. NaN is not strictly between 0 and 1, nor positive: the contract says raise
import math


def init_output_bias(head: nn.Conv2d, class_shares) -> None:
    if head.bias is None:
        raise ValueError("the output convolution has no bias to initialise")
    channels = head.bias.shape[0]
    if channels == 1:
        if isinstance(class_shares, (list, tuple)):
            raise ValueError("one output channel needs one foreground share")
        p = float(class_shares)
        if p <= 0 or p >= 1:
            raise ValueError(f"the foreground share must lie strictly between 0 and 1, got {p}")
        values = torch.tensor([math.log(p / (1 - p))], dtype=torch.float64)
    else:
        shares = [float(s) for s in torch.as_tensor(class_shares, dtype=torch.float64).reshape(-1)]
        if len(shares) != channels:
            raise ValueError(f"{channels} output channels need {channels} class shares, got {len(shares)}")
        if any(s <= 0 for s in shares) or abs(sum(shares) - 1) > 1e-6:
            raise ValueError(f"class shares must be positive and sum to 1, got {shares}")
        values = torch.tensor([math.log(s) for s in shares], dtype=torch.float64)
    with torch.no_grad():
        head.bias.copy_(values)
