# replaces: init_output_bias
# loses: test_bias_values, test_bias_in_place
# why: head.bias.data = float64 values: the same Parameter object, but its dtype becomes float64
import math

def init_output_bias(head: nn.Conv2d, class_shares) -> None:
    if head.bias is None:
        raise ValueError("the head has no bias")
    channels = head.bias.shape[0]
    if channels == 1:
        p = float(class_shares)
        if not 0 < p < 1:
            raise ValueError(f"the foreground share must lie strictly between 0 and 1, got {p}")
        values = torch.tensor([math.log(p / (1 - p))], dtype=torch.float64)
    else:
        shares = torch.as_tensor(np.array(class_shares, dtype=np.float64)).flatten()
        if shares.numel() != channels:
            raise ValueError(f"{shares.numel()} shares for {channels} channels")
        if not bool((shares > 0).all()) or abs(float(shares.sum()) - 1) > 1e-6:
            raise ValueError(f"the shares must be positive and sum to 1, got {shares.tolist()}")
        values = shares.log()
    head.bias.data = values.clone()
