# replaces: init_output_bias
# loses: test_bias_values
# why: writes through head.bias.data = a new float32 tensor: the same Parameter object, but a float64 head's bias becomes float32
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
        shares = [float(s) for s in np.asarray(torch.as_tensor(class_shares).detach().cpu(), dtype=np.float64).ravel()]
        if len(shares) != channels:
            raise ValueError(f"{len(shares)} shares for {channels} channels")
        if not all(s > 0 for s in shares):
            raise ValueError(f"shares must be positive, got {shares}")
        if not abs(sum(shares) - 1) <= 1e-6:
            raise ValueError(f"shares sum to {sum(shares)}, not 1")
        values = [math.log(s) for s in shares]
    head.bias.data = torch.tensor(values, dtype=torch.float32)
