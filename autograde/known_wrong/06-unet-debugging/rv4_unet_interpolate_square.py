# replaces: UNet
# loses: test_unet_shapes, test_unet_forward
# why: 'aligns' the up-sampled map to the skip with F.interpolate(size=skip.shape[-1]) (an int: square), breaking non-square inputs
<<<<<<< solution
            x = up(x)
=======
            x = F.interpolate(up(x), size=skip.shape[-1])
>>>>>>> variant
