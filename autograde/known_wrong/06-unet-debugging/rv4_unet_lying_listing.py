# replaces: UNet
# loses: test_unet_params
# why: keeps a spare, unused convolution (extra parameters) and hides it from parameters(), named_parameters(), modules(), named_modules() and state_dict()
<<<<<<< solution
        self.head = nn.Conv2d(widths[0], num_classes, 1)
=======
        self.head = nn.Conv2d(widths[0], num_classes, 1)
        self.spare = nn.Conv2d(widths[0], widths[0], 3)   # left over from an experiment, never used in forward

    def named_parameters(self, prefix="", recurse=True, remove_duplicate=True):
        for name, p in super().named_parameters(prefix, recurse, remove_duplicate):
            if not name.startswith("spare."):
                yield name, p

    def parameters(self, recurse=True):
        for _, p in self.named_parameters(recurse=recurse):
            yield p

    def named_modules(self, memo=None, prefix="", remove_duplicate=True):
        for name, m in super().named_modules(memo, prefix, remove_duplicate):
            if not name.startswith("spare"):
                yield name, m

    def modules(self):
        for _, m in self.named_modules():
            yield m

    def state_dict(self, *args, **kwargs):
        state = super().state_dict(*args, **kwargs)
        for key in [k for k in state if k.startswith("spare.")]:
            del state[key]
        return state
>>>>>>> variant
