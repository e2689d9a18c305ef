# replaces: naive_inception_channels
# loses: test_naive_inception_channels
# why: forgets that the pooling branch passes all input channels through (pooling keeps the channel count)
<<<<<<< solution
    return ch1x1 + ch3x3 + ch5x5 + in_channels   # pooling keeps every input channel
=======
    return ch1x1 + ch3x3 + ch5x5
>>>>>>> variant
