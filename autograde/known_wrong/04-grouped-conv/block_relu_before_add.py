# replaces: ResNeXtBlock
# loses: test_block_forward
# why: applies ReLU to the main path before the addition (and not after), so the block output can be negative
<<<<<<< solution
        y = self.bn3(self.conv3(y))
=======
        y = F.relu(self.bn3(self.conv3(y)))
>>>>>>> variant
<<<<<<< solution
        return F.relu(y + shortcut)
=======
        return y + shortcut
>>>>>>> variant
