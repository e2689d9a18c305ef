# replaces: inception_v1
# loses: test_inception_v1_shape, test_inception_v1_forward
# why: keeps the conv bias although BatchNorm's beta follows (extra parameters, not the contract's bias=False)
<<<<<<< solution
            # the padding k // 2 keeps H and W for the odd kernels used here
            return nn.Sequential(nn.Conv2d(c_in, c_out, k, padding=k // 2, bias=False),
=======
            return nn.Sequential(nn.Conv2d(c_in, c_out, k, padding=k // 2),
>>>>>>> variant
