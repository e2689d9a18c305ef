# replaces: init_output_bias
# why: softmax bias shifted so that class 0 has bias 0 (ln s_c - ln s_0, the same probabilities), computed in float64 with NumPy and written with fill_/copy_ under no_grad; p given as a 0-dim tensor is read with float()
def init_output_bias(head, class_shares):
    bias = head.bias
    if bias is None:
        raise ValueError("init_output_bias needs a head with a bias")
    n = bias.numel()
    if n == 1:
        p = float(class_shares)
        if not (p > 0.0 and p < 1.0):
            raise ValueError(f"the foreground share must lie strictly between 0 and 1, got {p}")
        with torch.no_grad():
            bias.fill_(float(np.log(p) - np.log1p(-p)))
        return
    shares = np.array(torch.as_tensor(class_shares).detach().cpu().numpy(), dtype=np.float64).reshape(-1)
    if shares.size != n:
        raise ValueError(f"expected {n} shares, got {shares.size}")
    if not np.all(shares > 0):
        raise ValueError("every share must be positive")
    if not abs(shares.sum() - 1.0) <= 1e-6:
        raise ValueError(f"the shares sum to {shares.sum()}, not 1")
    logs = np.log(shares) - np.log(shares[0])
    with torch.no_grad():
        bias.copy_(torch.from_numpy(logs))
