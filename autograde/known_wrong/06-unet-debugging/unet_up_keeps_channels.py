# replaces: UNet
# loses: test_unet_params, test_unet_forward
# why: the up-convolution keeps the channel count (ConvTranspose2d(F, F)), so the decoder sees 3F/2 channels and the network is not the paper's
<<<<<<< solution
        self.ups = nn.ModuleList(nn.ConvTranspose2d(widths[i + 1], widths[i], 2, stride=2) for i in reversed(range(depth)))
        self.decoder = nn.ModuleList(two_convs(2 * widths[i], widths[i]) for i in reversed(range(depth)))
=======
        self.ups = nn.ModuleList(nn.ConvTranspose2d(widths[i + 1], widths[i + 1], 2, stride=2) for i in reversed(range(depth)))
        self.decoder = nn.ModuleList(two_convs(widths[i] + widths[i + 1], widths[i]) for i in reversed(range(depth)))
>>>>>>> variant
