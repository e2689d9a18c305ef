# replaces: naive_inception_channels
# loses: test_naive_inception_channels
# why: assumes pooling shrinks the channels like a stride-2 pool shrinks the map (in_channels // 4)
<<<<<<< solution
    return ch1x1 + ch3x3 + ch5x5 + in_channels   # pooling keeps every input channel
=======
    return ch1x1 + ch3x3 + ch5x5 + in_channels // 4
>>>>>>> variant
