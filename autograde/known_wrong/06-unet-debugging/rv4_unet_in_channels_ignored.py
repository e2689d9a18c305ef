# replaces: UNet
# loses: test_unet_shapes, test_unet_params, test_unet_forward
# why: the first convolution takes 1 channel whatever in_channels is (grayscale assumed)
<<<<<<< solution
zip([in_channels] + widths, widths[:-1])
=======
zip([1] + widths, widths[:-1])
>>>>>>> variant
