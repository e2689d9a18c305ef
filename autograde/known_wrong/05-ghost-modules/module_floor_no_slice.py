# replaces: GhostModule
# loses: test_ghost_module_channels, test_ghost_module_forward, test_ghost_module_training
# why: init = out // ratio and no slice: 33 channels at ratio 2 come out as 32
<<<<<<< solution
        init = math.ceil(out_channels / ratio)
=======
        init = out_channels // ratio
>>>>>>> variant
<<<<<<< solution
        return torch.cat([x1, x2], dim=1)[:, :self.out_channels]
=======
        return torch.cat([x1, x2], dim=1)
>>>>>>> variant
