# replaces: UNet
# loses: test_unet_shapes, test_unet_forward
# why: pairs the first up-step with the first (shallowest) skip instead of the deepest one: the levels do not match
<<<<<<< solution
        for up, block, skip in zip(self.ups, self.decoder, reversed(skips)):
=======
        for up, block, skip in zip(self.ups, self.decoder, skips):
>>>>>>> variant
