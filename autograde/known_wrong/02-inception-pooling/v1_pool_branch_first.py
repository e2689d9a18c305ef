# replaces: inception_v1
# loses: test_inception_v1_forward
# why: puts the pooling branch first on dim 1
<<<<<<< solution
        return torch.cat([self.branch1(x), self.branch2(x), self.branch3(x), self.branch4(x)], dim=1)
=======
        return torch.cat([self.branch4(x), self.branch1(x), self.branch2(x), self.branch3(x)], dim=1)
>>>>>>> variant
