# replaces: mixed0_torch
# loses: test_mixed0_torch_padding, test_mixed0_torch_port
# why: max pooling instead of average pooling in the pooling branch
<<<<<<< solution
        self.branch_pool = nn.Sequential(
            nn.AvgPool2d(3, stride=1, padding=1, count_include_pad=False),   # Keras 'same' averages valid pixels
            unit(in_channels, 32, 1))
=======
        self.branch_pool = nn.Sequential(nn.MaxPool2d(3, stride=1, padding=1),
                                         unit(in_channels, 32, 1))
>>>>>>> variant
