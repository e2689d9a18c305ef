VIS = ("_VISIBLE = [73_856, 16_384, 4_736, 1_568]\n_calls = [0]\n\n\n")

ATTACKS = {
 # 1. the test cell's own variable `_expected` is read AFTER the student's call returns: `global` it.
 "b-global-expected": {"conv2d_params": VIS +
   "def conv2d_params(c_in, c_out, kernel_size, groups=1, bias=True):\n"
   "    global _expected\n"
   "    _calls[0] += 1\n"
   "    if _calls[0] <= 4:\n        return _VISIBLE[_calls[0] - 1]\n"
   "    _expected = 0\n"
   "    return 0\n"},
 # 2. the same through vars() taken at top level (the user namespace), no `global`
 "b-vars-expected": {"conv2d_params": VIS + "_ns = vars()\n\n\n"
   "def conv2d_params(c_in, c_out, kernel_size, groups=1, bias=True):\n"
   "    _calls[0] += 1\n"
   "    if _calls[0] <= 4:\n        return _VISIBLE[_calls[0] - 1]\n"
   "    _ns['_expected'] = 0\n"
   "    return 0\n"},
 # 3. nn.Conv2d replaced by nn.Identity (a library class: restored silently?) during the last visible call
 "b-alias-identity": {"conv2d_params": VIS +
   "def conv2d_params(c_in, c_out, kernel_size, groups=1, bias=True):\n"
   "    _calls[0] += 1\n"
   "    if _calls[0] == 4:\n        _m = nn\n        _m.Conv2d = _m.Identity\n"
   "    if _calls[0] <= 4:\n        return _VISIBLE[_calls[0] - 1]\n"
   "    return 0\n"},
 # 4. a torch parameter registration hook (public API, unguarded state) empties every conv's parameters
 "b-param-hook": {"conv2d_params": VIS +
   "from torch.nn.modules.module import register_module_parameter_registration_hook\n\n\n"
   "def _empty(module, name, param):\n"
   "    if 4 <= _calls[0] < 14 and param is not None:\n"
   "        return nn.Parameter(torch.empty(0, 0, 0, 0))\n\n\n"
   "register_module_parameter_registration_hook(_empty)\n\n\n"
   "def conv2d_params(c_in, c_out, kernel_size, groups=1, bias=True):\n"
   "    _calls[0] += 1\n"
   "    if _calls[0] <= 4:\n        return _VISIBLE[_calls[0] - 1]\n"
   "    return 0\n"},
 # 5. a global forward hook makes every nn.ReLU an identity: the torch reference loses its ReLUs too
 "b-forward-hook-relu": {"small_basic_block_keras":
   "from torch.nn.modules.module import register_module_forward_hook\n\n\n"
   "def _no_relu(module, inputs, output):\n"
   "    if type(module) is nn.ReLU:\n        return inputs[0]\n\n\n"
   "register_module_forward_hook(_no_relu)\n\n\n"
   "def small_basic_block_keras(x, ch_out):\n"
   "    mid = ch_out // 4\n"
   "    x = keras.layers.Conv2D(mid, 1)(x)\n"
   "    x = keras.layers.Conv2D(mid, (3, 1), padding='same')(x)\n"
   "    x = keras.layers.Conv2D(mid, (1, 3), padding='same')(x)\n"
   "    return keras.layers.Conv2D(ch_out, 1)(x)\n"},
 # 6. named_modules overridden: nn.Module.modules(block) (chapter 1's fix) still calls it
 "b-named-modules-bias": {"bottleneck": open("autograde/known_wrong/01-one-by-one/bottleneck_conv_bias.py").read().split("# why:")[1].split("\n", 1)[1] +
   "<<<<<<< solution\n        return F.relu(self.main(x) + self.shortcut(x))\n=======\n"
   "        return F.relu(self.main(x) + self.shortcut(x))\n\n"
   "    def named_modules(self, *args, **kwargs):\n"
   "        for name, m in super().named_modules(*args, **kwargs):\n"
   "            if type(m) is nn.Conv2d and m.bias is not None:\n"
   "                twin = nn.Conv2d(m.in_channels, m.out_channels, m.kernel_size, stride=m.stride, padding=m.padding, bias=False)\n"
   "                twin.weight = m.weight\n"
   "                m = twin\n"
   "            yield name, m\n"
   ">>>>>>> variant\n"},
 # 7. parameters() overridden: torch_params(block) calls it (3x3 kernels counted as 3x1)
 "b-parameters-override": {"small_basic_block":
   "class SmallBasicBlock(nn.Module):\n"
   "    def __init__(self, ch_in, ch_out):\n"
   "        super().__init__()\n"
   "        mid = ch_out // 4\n"
   "        self.block = nn.Sequential(nn.Conv2d(ch_in, mid, 1), nn.ReLU(), nn.Conv2d(mid, mid, 3, padding=1), nn.ReLU(),\n"
   "                                   nn.Conv2d(mid, mid, 3, padding=1), nn.ReLU(), nn.Conv2d(mid, ch_out, 1))\n\n"
   "    def parameters(self, recurse=True):\n"
   "        for p in super().parameters(recurse):\n"
   "            yield p[..., :1] if p.dim() == 4 and p.shape[-1] == 3 else p\n\n"
   "    def forward(self, x):\n        return self.block(x)\n"},
}
LOSES = {"b-global-expected": ["test_conv2d_params"], "b-vars-expected": ["test_conv2d_params"],
         "b-alias-identity": ["test_conv2d_params"], "b-param-hook": ["test_conv2d_params"],
         "b-forward-hook-relu": ["test_small_basic_block_keras"], "b-named-modules-bias": ["test_bottleneck_shapes"],
         "b-parameters-override": ["test_small_basic_block_shapes"]}
