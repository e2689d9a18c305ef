# replaces: UNet
# loses: test_unet_shapes
# why: the bottom level's input channels are always taken from the last encoder level (widths[-2]), so depth=0 fails
<<<<<<< solution
        self.bottom = two_convs(widths[-2] if depth else in_channels, widths[-1])
=======
        self.bottom = two_convs(widths[-2], widths[-1])
>>>>>>> variant
