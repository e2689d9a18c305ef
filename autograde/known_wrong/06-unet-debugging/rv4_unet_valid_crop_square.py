# replaces: UNet
# loses: test_unet_shapes, test_unet_forward
# why: crops each skip to (width, width): only square inputs work
<<<<<<< solution
center_crop(skip, x.shape[-2], x.shape[-1])
=======
center_crop(skip, x.shape[-1], x.shape[-1])
>>>>>>> variant
