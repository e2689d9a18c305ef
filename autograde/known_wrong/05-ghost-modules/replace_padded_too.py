# replaces: replace_pointwise_convs
# loses: test_replace_nested
# why: replaces a padded 1x1 convolution too: the Ghost module (kernel_size=1, padding 0) gives a smaller output than Conv2d(..., 1, padding=1), so the model's shapes change; the contract keeps padded 1x1 convolutions
<<<<<<< solution
        if conv.padding not in ((0, 0), "valid", "same"):
            continue   # a padded 1x1 conv enlarges the map, a Ghost module with kernel_size=1 would not
=======
>>>>>>> variant
