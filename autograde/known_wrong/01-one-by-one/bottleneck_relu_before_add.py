# replaces: bottleneck
# loses: test_bottleneck_equivalence
# why: ReLU applied to the main path before the residual add
<<<<<<< solution
        return F.relu(self.main(x) + self.shortcut(x))
=======
        return F.relu(F.relu(self.main(x)) + self.shortcut(x))
>>>>>>> variant
