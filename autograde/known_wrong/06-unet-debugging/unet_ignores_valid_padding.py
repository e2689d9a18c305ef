# replaces: UNet
# loses: test_unet_shapes, test_unet_forward
# why: pads every convolution whatever `padding` says, so the 'valid' network keeps the input size (572 -> 572, not 388)
<<<<<<< solution
        pad = 1 if padding == "same" else 0
=======
        pad = 1
>>>>>>> variant
