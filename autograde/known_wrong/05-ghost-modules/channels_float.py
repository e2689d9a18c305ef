# replaces: ghost_channels
# loses: test_ghost_channels_values, test_ghost_channels_errors
# why: rounds up with NumPy, so the channel counts come back as floats (17.0): nn.Conv2d(16, 17.0, 1) raises
def ghost_channels(out_channels, ratio):
    if out_channels < 1 or ratio < 1:
        raise ValueError(f"need out_channels >= 1 and ratio >= 1, got {out_channels} and {ratio}")
    intrinsic = np.ceil(out_channels / ratio)
    return intrinsic, intrinsic * (ratio - 1)
