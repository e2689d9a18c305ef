# replaces: BasicConv2d
# loses: test_basic_conv_bn
# why: uses BatchNorm2d's default eps=1e-5 instead of GoogLeNet's 0.001 (inherited from the TensorFlow weights)
<<<<<<< solution
                      nn.BatchNorm2d(out_channels, eps=0.001), nn.ReLU(inplace=True)]
=======
                      nn.BatchNorm2d(out_channels), nn.ReLU(inplace=True)]
>>>>>>> variant
