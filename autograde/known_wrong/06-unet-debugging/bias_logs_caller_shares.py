# replaces: init_output_bias
# loses: test_bias_values, test_bias_in_place
# why: takes the logarithm in place (shares.log_()) on torch.as_tensor(class_shares), which is the caller's own float64 tensor (or shares the memory of the caller's float64 NumPy array, e.g. from np.bincount(...) / n): after the call the caller's class shares hold their logarithms (a later pos_weight or class-weight computation from them is wrong)
import math


def init_output_bias(head: nn.Conv2d, class_shares) -> None:
    if head.bias is None:
        raise ValueError("the output convolution has no bias to initialise")
    channels = head.bias.shape[0]
    shares = torch.as_tensor(class_shares, dtype=torch.float64).reshape(-1)
    if channels == 1:
        if shares.numel() != 1 or not 0 < float(shares[0]) < 1:
            raise ValueError(f"one output channel needs one foreground share strictly between 0 and 1")
        p = float(shares[0])
        with torch.no_grad():
            head.bias.fill_(math.log(p / (1 - p)))
        return
    if shares.numel() != channels:
        raise ValueError(f"{channels} output channels need {channels} class shares, got {shares.numel()}")
    if not bool((shares > 0).all()) or abs(float(shares.sum()) - 1) > 1e-6:
        raise ValueError(f"class shares must be positive and sum to 1, got {shares.tolist()}")
    with torch.no_grad():
        head.bias.copy_(shares.log_())
