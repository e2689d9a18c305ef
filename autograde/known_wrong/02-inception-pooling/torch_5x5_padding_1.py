# replaces: mixed0_torch
# loses: test_mixed0_torch_shape, test_mixed0_torch_padding, test_mixed0_torch_port
# why: pads every conv by 1 as for a 3x3, so the 5x5 branch loses 2 pixels and the concatenation fails
<<<<<<< solution
            return nn.Sequential(nn.Conv2d(c_in, c_out, k, padding=k // 2, bias=False),
                                 nn.BatchNorm2d(c_out, eps=1e-3),   # Keras' default epsilon
                                 nn.ReLU())
=======
            return nn.Sequential(nn.Conv2d(c_in, c_out, k, padding=1 if k > 1 else 0, bias=False),
                                 nn.BatchNorm2d(c_out, eps=1e-3), nn.ReLU())
>>>>>>> variant
