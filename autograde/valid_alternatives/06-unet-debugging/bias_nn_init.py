# replaces: init_output_bias
# why: nn.init.constant_ (it writes in place under no_grad) with the log-odds from math.log for one channel, NumPy logs copied with bias.data.copy_ for several; shares checked with np.all / np.isclose(atol=1e-6, rtol=0)
import math


def init_output_bias(head: nn.Conv2d, class_shares) -> None:
    if head.bias is None:
        raise ValueError("the head was built with bias=False: nothing to initialise")
    if head.out_channels == 1:
        if np.ndim(class_shares) != 0:
            raise ValueError("a one-channel head takes one foreground share")
        p = float(class_shares)
        if not 0 < p < 1:
            raise ValueError(f"foreground share {p} is not strictly between 0 and 1")
        nn.init.constant_(head.bias, math.log(p) - math.log1p(-p))
        return
    shares = np.asarray(class_shares, dtype=np.float64).ravel()
    if shares.size != head.out_channels:
        raise ValueError(f"{head.out_channels} classes but {shares.size} shares")
    if not np.all(shares > 0) or not np.isclose(shares.sum(), 1.0, rtol=0, atol=1e-6):
        raise ValueError(f"shares {shares.tolist()} are not positive numbers summing to 1")
    head.bias.data.copy_(torch.from_numpy(np.log(shares)))
