"""Static flags on every solution cell and valid alternative (must be none), plus honest snippets."""
import glob, json
from cnngrade.guard import static_flags
from cnngrade.variants import apply_patch, is_patch
P = {"check_equal", "check_close", "check_shape", "torch", "nn", "F", "np", "torch_params", "keras", "to_numpy"}
M = {"torch", "nn", "F", "np", "keras", "tf"}
bad = 0
for path in sorted(glob.glob("solutions/0*/*.ipynb")):
    nb = json.load(open(path))
    for c in nb["cells"]:
        md = c.get("metadata", {}).get("nbgrader", {})
        if c["cell_type"] == "code" and md.get("solution"):
            src = "".join(c["source"]).replace("### BEGIN SOLUTION", "").replace("### END SOLUTION", "")
            for f in static_flags(src, md.get("grade_id"), P, M):
                bad += 1; print("FP", path, f)
for path in sorted(glob.glob("autograde/valid_alternatives/*/*.py")):
    code = open(path).read()
    if is_patch(code.split("\n# why")[0]) or "<<<<<<<" in code:
        continue
    for f in static_flags(code, path, P, M):
        bad += 1; print("FP", path, f)
HONEST = {
 "sum-var": "sum = 0\nfor i in range(3):\n    sum += i\n",
 "getattr-self": "class B(nn.Module):\n    def forward(self, x):\n        for i in range(3):\n            x = getattr(self, f'down{i}')(x)\n        return x\n",
 "import-inspect-sig": "import inspect\nprint(inspect.signature(print))\n",
 "module-subclass": "class M(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.c = nn.Conv2d(1, 1, 3)\n",
 "np-scalar": "def f(x):\n    return np.prod(x.shape)\n",
 "global-counter": "counter = 0\ndef bump():\n    global counter\n    counter += 1\n",
 "docstring-words": "def f():\n    '''Returns the locals of the frame. See exec and eval in the docs; __class__ of x.'''\n    return 1\n",
 "attrgetter-honest": "from operator import attrgetter\nnames = sorted([], key=attrgetter('name'))\n",
 "type-one-arg": "print(type(3))\n",
 "keras-compile": "model = keras.Sequential()\nmodel.compile(optimizer='adam', loss='mse')\n",
 "model-eval": "m = nn.Conv2d(1,1,1)\nm.eval()\n",
}
for name, code in HONEST.items():
    fl = static_flags(code, name, P, M)
    print(("FLAGGED " if fl else "  clean ") + name, "|", "; ".join(f.detail[:80] for f in fl))
print("solution/valid-alternative flags:", bad)
