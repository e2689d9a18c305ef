# replaces: UNet
# loses: test_unet_forward
# why: concatenates [up, skip] (the order of the authors' release) where the contract fixes [skip, up]: same shapes and parameters, but the first decoder convolution's weights meet the wrong channels, so weights ported by layer order give another function
<<<<<<< solution
            x = block(torch.cat([center_crop(skip, x.shape[-2], x.shape[-1]), x], dim=1))
=======
            x = block(torch.cat([x, center_crop(skip, x.shape[-2], x.shape[-1])], dim=1))
>>>>>>> variant
