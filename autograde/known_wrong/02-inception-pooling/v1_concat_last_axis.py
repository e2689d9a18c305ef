# replaces: inception_v1
# loses: test_inception_v1_shape, test_inception_v1_forward
# why: concatenates on the last axis (an NHWC habit); in NCHW the channels are dim 1
<<<<<<< solution
        return torch.cat([self.branch1(x), self.branch2(x), self.branch3(x), self.branch4(x)], dim=1)
=======
        return torch.cat([self.branch1(x), self.branch2(x), self.branch3(x), self.branch4(x)], dim=-1)
>>>>>>> variant
