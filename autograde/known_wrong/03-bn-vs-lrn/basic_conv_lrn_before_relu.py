# replaces: BasicConv2d
# loses: test_basic_conv_lrn
# why: places LRN before the ReLU; AlexNet and GoogLeNet normalise the rectified activations
<<<<<<< solution
            layers = [nn.Conv2d(in_channels, out_channels, bias=True, **conv_kwargs), nn.ReLU(inplace=True),
                      nn.LocalResponseNorm(5, alpha=1e-4, beta=0.75, k=1.0)]
=======
            layers = [nn.Conv2d(in_channels, out_channels, bias=True, **conv_kwargs),
                      nn.LocalResponseNorm(5, alpha=1e-4, beta=0.75, k=1.0), nn.ReLU(inplace=True)]
>>>>>>> variant
