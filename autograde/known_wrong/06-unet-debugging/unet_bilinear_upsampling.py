# replaces: UNet
# loses: test_unet_params, test_unet_forward
# why: bilinear upsampling + 1x1 convolution instead of the 2x2 up-convolution: a different network (a quarter of the up-step's weights, no learned 2x2 pattern)
<<<<<<< solution
        self.ups = nn.ModuleList(nn.ConvTranspose2d(widths[i + 1], widths[i], 2, stride=2) for i in reversed(range(depth)))
=======
        self.ups = nn.ModuleList(nn.Sequential(nn.Upsample(scale_factor=2, mode="bilinear", align_corners=False),
                                               nn.Conv2d(widths[i + 1], widths[i], 1)) for i in reversed(range(depth)))
>>>>>>> variant
