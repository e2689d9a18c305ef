# replaces: GhostModule
# why: cuts the concatenation with Tensor.narrow instead of slicing
<<<<<<< solution
        return torch.cat([x1, x2], dim=1)[:, :self.out_channels]
=======
        return torch.cat([x1, x2], dim=1).narrow(1, 0, self.out_channels)
>>>>>>> variant
