# replaces: inception_v1
# loses: test_inception_v1_forward
# why: concatenates the 5x5 branch before the 3x3 branch: same shape and parameters, but channels in the wrong order
<<<<<<< solution
        return torch.cat([self.branch1(x), self.branch2(x), self.branch3(x), self.branch4(x)], dim=1)
=======
        return torch.cat([self.branch1(x), self.branch3(x), self.branch2(x), self.branch4(x)], dim=1)
>>>>>>> variant
