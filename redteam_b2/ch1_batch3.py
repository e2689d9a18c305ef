import importlib.util as _u, pathlib as _p
ATTACKS, LOSES = {}, {}
for _n in ("ch1_batch1.py", "ch1_batch2.py"):
    _spec = _u.spec_from_file_location(_n[:-3], str(_p.Path(__file__).with_name(_n))); _m = _u.module_from_spec(_spec); _spec.loader.exec_module(_m)
    ATTACKS.update(_m.ATTACKS); LOSES.update(_m.LOSES)
# torch.library: aten::relu's CPU kernel replaced while SmallBasicBlock (which has no ReLU) is tested
ATTACKS["b-aten-relu-kernel"] = {"small_basic_block":
   "_lib = torch.library.Library('aten', 'IMPL')\n_on = [False]\n\n\n"
   "def _relu(x):\n    return x.clone() if _on[0] else x.clamp_min(0)\n\n\n"
   "_lib.impl('relu', _relu, 'CPU')\n\n\n"
   "class SmallBasicBlock(nn.Module):\n"
   "    def __init__(self, ch_in, ch_out):\n"
   "        super().__init__()\n"
   "        mid = ch_out // 4\n"
   "        self.block = nn.Sequential(nn.Conv2d(ch_in, mid, 1), nn.Conv2d(mid, mid, (3, 1), padding=(1, 0)),\n"
   "                                   nn.Conv2d(mid, mid, (1, 3), padding=(0, 1)), nn.Conv2d(mid, ch_out, 1))\n\n"
   "    def forward(self, x):  # no ReLU: wrong\n"
   "        _on[0] = True\n"
   "        return self.block(x)\n"}
LOSES["b-aten-relu-kernel"] = ["test_small_basic_block_equivalence"]
