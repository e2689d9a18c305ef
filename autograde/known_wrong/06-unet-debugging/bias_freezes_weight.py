# replaces: init_output_bias
# loses: test_bias_in_place
# why: switches requires_grad off for the whole head (head.requires_grad_(False)) to write the bias, then restores the bias's flag only: the head's weight stays frozen (requires_grad=False) and never trains again. The tests compare the weight's values and step the optimizer, but never look at weight.requires_grad
def init_output_bias(head: nn.Conv2d, class_shares) -> None:
    if head.bias is None:
        raise ValueError("the output convolution has no bias to initialise")
    channels = head.bias.shape[0]
    shares = torch.as_tensor(class_shares, dtype=torch.float64).reshape(-1)
    if channels == 1:
        if shares.numel() != 1 or not 0 < float(shares[0]) < 1:
            raise ValueError("one output channel needs one foreground share strictly between 0 and 1")
        values = torch.log(shares / (1 - shares))
    else:
        if shares.numel() != channels:
            raise ValueError(f"{channels} output channels need {channels} class shares, got {shares.numel()}")
        if not bool((shares > 0).all()) or abs(float(shares.sum()) - 1) > 1e-6:
            raise ValueError(f"class shares must be positive and sum to 1, got {shares.tolist()}")
        values = torch.log(shares)
    trainable = head.bias.requires_grad
    head.requires_grad_(False)                 # an in-place write into a leaf needs requires_grad off
    head.bias.copy_(values)
    head.bias.requires_grad_(trainable)
