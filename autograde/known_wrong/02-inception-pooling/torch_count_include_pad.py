# replaces: mixed0_torch
# loses: test_mixed0_torch_padding, test_mixed0_torch_port
# why: ports Keras' 'same' average pooling as nn.AvgPool2d(3, 1, 1), whose default count_include_pad=True divides border sums by 9
<<<<<<< solution
        self.branch_pool = nn.Sequential(
            nn.AvgPool2d(3, stride=1, padding=1, count_include_pad=False),   # Keras 'same' averages valid pixels
            unit(in_channels, 32, 1))
=======
        self.branch_pool = nn.Sequential(nn.AvgPool2d(3, stride=1, padding=1),
                                         unit(in_channels, 32, 1))
>>>>>>> variant
