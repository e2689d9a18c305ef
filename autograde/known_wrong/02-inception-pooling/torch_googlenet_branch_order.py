# replaces: mixed0_torch
# loses: test_mixed0_torch_port
# why: concatenates in GoogLeNet's order (1x1, 3x3, 5x5, pool) instead of Keras' (1x1, 5x5, double 3x3, pool)
<<<<<<< solution
        return torch.cat([self.branch1x1(x), self.branch5x5(x), self.branch3x3dbl(x), self.branch_pool(x)], dim=1)
=======
        return torch.cat([self.branch1x1(x), self.branch3x3dbl(x), self.branch5x5(x), self.branch_pool(x)], dim=1)
>>>>>>> variant
