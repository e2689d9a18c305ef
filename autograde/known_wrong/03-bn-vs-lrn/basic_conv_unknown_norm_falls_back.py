# replaces: BasicConv2d
# loses: test_basic_conv_none
# why: treats any unrecognised norm as "none", so a typo silently builds a block without normalisation
<<<<<<< solution
        elif norm == "none":
            layers = [nn.Conv2d(in_channels, out_channels, bias=True, **conv_kwargs), nn.ReLU(inplace=True)]
        else:
            raise ValueError(f"norm must be 'bn', 'lrn' or 'none', got {norm!r}")
=======
        else:
            layers = [nn.Conv2d(in_channels, out_channels, bias=True, **conv_kwargs), nn.ReLU(inplace=True)]
>>>>>>> variant
