# replaces: naive_inception_channels
# loses: test_naive_inception_channels
# why: forgets that the pooling branch passes all input channels through (pooling keeps the channel count)
def naive_inception_channels(in_channels: int, ch1x1: int, ch3x3: int, ch5x5: int) -> int:
    return ch1x1 + ch3x3 + ch5x5
