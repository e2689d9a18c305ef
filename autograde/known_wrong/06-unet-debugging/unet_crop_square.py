# replaces: UNet
# loses: test_unet_shapes, test_unet_forward
# why: crops each skip to a square of the upsampled map's width: right for every square input, a shape error for any non-square input
<<<<<<< solution
            x = block(torch.cat([center_crop(skip, x.shape[-2], x.shape[-1]), x], dim=1))
=======
            x = block(torch.cat([center_crop(skip, x.shape[-1], x.shape[-1]), x], dim=1))
>>>>>>> variant
