# replaces: GhostModule
# loses: test_ghost_module_channels, test_ghost_module_forward, test_ghost_module_training
# why: rounds up but never slices: 33 channels at ratio 2 come out as 34, 64 at ratio 3 as 66
<<<<<<< solution
        return torch.cat([x1, x2], dim=1)[:, :self.out_channels]
=======
        return torch.cat([x1, x2], dim=1)
>>>>>>> variant
