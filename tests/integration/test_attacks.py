"""Attacks and bad inputs, graded by `make autograde` (the engine, sandboxed) on a synthetic chapter-1 class.

Every attacker hands in a WRONG `conv2d_params` together with an attempt to get its points anyway (or to
hurt the grading); every other exercise is solved. Expected: each attacker scores 0 on
`test_conv2d_params` (or could not be graded, with a reason), every attempt is flagged, the honest
students graded before and after them keep exactly their grades, and no file of the course changes.
"""
import hashlib
import json
import os
import subprocess
import sys
import zlib

import nbformat
import pytest

from cnngrade import notebook as nbtools
from cnngrade.isolation import sandbox
from cnngrade.course import Course

from conftest import ROOT


CHAPTER = "01-one-by-one"
TARGET = "test_conv2d_params"
WRONG = "\ndef conv2d_params(c_in, c_out, kernel_size, groups=1, bias=True):\n    return 0\n"
RIGHT = ("def conv2d_params(c_in, c_out, kernel_size, groups=1, bias=True):\n"
         "    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size\n"
         "    return c_out * (c_in // groups) * kh * kw + (c_out if bias else 0)\n")
# An attack's code goes in place of conv2d_params' solution, followed by WRONG (or where it writes {wrong});
# what follows LAST_CELL goes in a code cell added at the end of the notebook.
LAST_CELL = "# -- a cell added at the end --\n"

ATTACKS = {
    "a-redefine-checks": "def check_equal(*args, **kwargs):\n    pass\n\ndef check_close(*args, **kwargs):\n    pass\n",
    "a-patch-every-module": (
        "import sys\nfor _m in list(sys.modules.values()):\n"
        "    for _n in ('check_equal', 'check_close', 'check_shape'):\n"
        "        if getattr(_m, _n, None) is not None:\n"
        "            setattr(_m, _n, lambda *a, **k: None)\n"),
    "a-patch-code-object": "import cnnblocks.checks as _c\n_c.check_equal.__code__ = (lambda *a, **k: None).__code__\n",
    "a-swallow-errors": "get_ipython().set_custom_exc((Exception,), lambda *args, **kwargs: None)\n",
    "a-rewrite-test-cells": (
        "get_ipython().input_transformers_post.append(\n"
        "    lambda lines: ['pass\\n'] if any('check_' in line for line in lines) else lines)\n"),
    "a-read-solutions": (
        "import glob, json, os\n"
        "_found = glob.glob({root!r} + '/solutions/*/*.ipynb') + glob.glob({course!r} + '/solutions/*/*.ipynb')\n"
        "_d = os.getcwd()\n"
        "while _d != '/':\n"
        "    _found += glob.glob(_d + '/solutions/*/*.ipynb')\n"
        "    _d = os.path.dirname(_d)\n"
        "for _path in _found:\n"
        "    for _cell in json.load(open(_path))['cells']:\n"
        "        if 'def conv2d_params' in ''.join(_cell['source']):\n"
        "            exec(''.join(_cell['source']).replace('### BEGIN SOLUTION', '').replace('### END SOLUTION', ''))\n"),
    "a-rewrite-helper-package": (
        "try:\n    open({checks!r}, 'a').write('\\ndef check_equal(*a, **k):\\n    pass\\n')\n"
        "except OSError as _err:\n    print('blocked:', _err)\n"),
    "a-write-gradebook": (
        "import sqlite3\n"
        "for _db in ({course!r} + '/work/gradebook.db', {root!r} + '/autograde/work/gradebook.db'):\n"
        "    try:\n"
        "        _c = sqlite3.connect(_db); _c.execute('update grade set auto_score = 0'); _c.commit()\n"
        "    except Exception as _err:\n        print('blocked:', _err)\n"),
    "a-plant-for-next-student": (
        "import os\n"
        "for _d in (os.path.expanduser('~/.ipython/profile_default/startup'), '/tmp/cnnblocks'):\n"
        "    try:\n"
        "        os.makedirs(_d, exist_ok=True)\n"
        "        open(os.path.join(_d, '00-cheat.py' if 'startup' in _d else 'checks.py'), 'w').write('check_equal = print\\n')\n"
        "    except OSError as _err:\n        print('blocked:', _err)\n"),
    "a-network": (
        "import socket\ntry:\n    socket.create_connection(('1.1.1.1', 80), timeout=3)\n"
        "except OSError as _err:\n    print('blocked:', _err)\n"),
    "a-huge-allocation": "import numpy as np\n_big = np.ones((1 << 40,), dtype=np.uint8)\n",
    "a-infinite-loop": "while True:\n    pass\n",
    "a-kill-the-grader": "import os, signal\nos.kill(os.getppid(), signal.SIGKILL)\n",
    # Round 2 (#20): the grading loop's state, its result channel and the worker's memory out of reach.
    "a-walk-the-stack": (  # mark every test cell skipped and clear the flags, from the grading loop's frames
        "import traceback\n"
        "for _f, _ in traceback.walk_stack(None):\n"
        "    _loc = _f.f_locals\n"
        "    if isinstance(_loc.get('kinds'), list):\n"
        "        _loc['kinds'][:] = ['skip' if _x == 'test' else _x for _x in _loc['kinds']]\n"
        "    for _n in ('flags', 'audited'):\n"
        "        if isinstance(_loc.get(_n), list):\n"
        "            _loc[_n].clear()\n"
        "    if hasattr(_loc.get('runtime'), 'flags'):\n"
        "        _loc['runtime'].flags.clear()\n"
        "        _loc['runtime']._flag = lambda *a, **k: None\n"),
    "a-fake-results": (  # a thread writes messages to every pipe it holds, the cell never ends
        "import json, os, signal, struct, threading, time\n"
        "def _spam():\n"
        "    while True:\n"
        "        for _fd in range(3, 64):\n"
        "            try:\n"
        "                if os.readlink(f'/proc/self/fd/{{_fd}}').startswith('pipe:'):\n"
        "                    for _m in ({{'progress': 0}}, {{'token': '0', 'outputs': [], 'flags': []}}):\n"
        "                        _d = json.dumps(_m).encode()\n"
        "                        os.write(_fd, struct.pack('>Q', len(_d)) + _d)\n"
        "            except OSError:\n"
        "                pass\n"
        "        time.sleep(0.5)\n"
        "threading.Thread(target=_spam, daemon=True).start()\n"
        "signal.signal(signal.SIGALRM, signal.SIG_IGN)\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\n"
        "while True:\n    time.sleep(1)\n"),
    "a-write-worker-memory": (  # replace check_equal's bytecode in every other process (the fork parent)
        "import os\nimport cnnblocks.checks as _c\n"
        "_code = _c.check_equal.__code__\n"
        "_patch = bytes([151, 0, 100, _code.co_consts.index(None), 83, 0])  # RESUME; LOAD_CONST None; RETURN_VALUE\n"
        "with open('/proc/self/mem', 'rb') as _mem:\n"
        "    _mem.seek(id(_code))\n"
        "    _at = id(_code) + _mem.read(4096).find(_code.co_code)\n"
        "for _pid in os.listdir('/proc'):\n"
        "    if _pid.isdigit() and int(_pid) != os.getpid():\n"
        "        try:\n"
        "            with open(f'/proc/{{_pid}}/mem', 'r+b') as _mem:\n"
        "                _mem.seek(_at)\n"
        "                _mem.write(_patch)\n"
        "            print('patched', _pid)\n"
        "        except OSError as _err:\n"
        "            print('blocked:', _pid, _err)\n"),
    "a-flood-stdout": "import os, sys\nos.write(1, b'y' * 350_000_000)\nsys.stdout.write('x' * 50_000_000)\n",
    "a-plant-answer": (  # leaves a right answer in the folders every submission can write, for a later one
        "for _d in ('/dev/shm', '/var/tmp', '/dev'):\n"
        "    try:\n"
        "        open(_d + '/answer.py', 'w').write(" + repr(RIGHT) + ")\n"
        "    except OSError as _err:\n"
        "        print('blocked:', _err)\n"),
    "a-use-planted-answer": (  # graded after a-plant-answer by the same worker: takes the answer it left
        "{wrong}\nimport os\n"
        "for _d in ('/dev/shm', '/var/tmp', '/dev'):\n"
        "    if os.path.exists(_d + '/answer.py'):\n"
        "        exec(open(_d + '/answer.py').read())\n"),
    "a-print-history": (  # the last cell prints the cell history (hidden tests included), compressed
        LAST_CELL + "import base64, json, zlib\nprint(base64.b64encode(zlib.compress(json.dumps(In).encode())).decode())\n"),
    # Objects that lie to the checks (issue #20, item 2). An attack given as a dict brings its own (wrong)
    # implementation of `replaces` and must score 0 on `loses`; a string is prepended to WRONG, as above.
    "a-int-always-equal": {"replaces": "conv2d_params", "loses": TARGET, "code": (
        "class _Yes(int):\n"
        "    def __eq__(self, other):\n        return True\n\n"
        "    def __ne__(self, other):\n        return False\n\n"
        "    __hash__ = int.__hash__\n\n\n"
        "def conv2d_params(c_in, c_out, kernel_size, groups=1, bias=True):\n    return _Yes(0)\n")},
    "a-ndarray-zero-difference": {"replaces": "conv1x1_as_matmul", "loses": "test_conv1x1_as_matmul", "code": (
        "import numpy as _np\n\n\n"
        "class _NoDifference(_np.ndarray):\n"
        "    def __sub__(self, other):\n        return _np.zeros(self.shape)\n\n"
        "    def detach(self):\n        return self\n\n"
        "    def cpu(self):\n        return self\n\n"
        "    def numpy(self):\n        return self\n\n\n"
        "def conv1x1_as_matmul(x, weight, bias=None):\n"
        "    return _np.zeros((x.shape[0], weight.shape[0], x.shape[2], x.shape[3])).view(_NoDifference)\n")},
    "a-tensor-subclass-lies": {"replaces": "conv1x1_as_matmul", "loses": "test_conv1x1_as_matmul", "code": (
        "import numpy as _np\nimport torch as _torch\n\n\n"
        "class _NoDifference(_np.ndarray):\n"
        "    def __sub__(self, other):\n        return _np.zeros(self.shape)\n\n\n"
        "class _Lying(_torch.Tensor):\n"
        "    def detach(self):\n        return self\n\n"
        "    def cpu(self):\n        return self\n\n"
        "    def numpy(self):\n        return _np.zeros(tuple(self.shape)).view(_NoDifference)\n\n\n"
        "def conv1x1_as_matmul(x, weight, bias=None):\n"
        "    return _torch.zeros(x.shape[0], weight.shape[0], x.shape[2], x.shape[3]).as_subclass(_Lying)\n")},
    "a-array-copies-expected": {"replaces": "conv1x1_as_matmul", "loses": "test_conv1x1_as_matmul", "code": (
        "import sys as _sys\nimport numpy as _np\n\n\n"
        "class _Mirror:  # np.asarray(mirror) returns whatever the calling check expects\n"
        "    def __array__(self, dtype=None, copy=None):\n"
        "        frame = _sys._getframe(1)\n"
        "        while frame is not None and 'expected' not in frame.f_locals:\n"
        "            frame = frame.f_back\n"
        "        expected = frame.f_locals['expected']\n"
        "        return _np.array(expected.detach().numpy() if hasattr(expected, 'detach') else expected)\n\n\n"
        "def conv1x1_as_matmul(x, weight, bias=None):\n    return _Mirror()\n")},
    "a-swap-code-during-test": {"replaces": "conv2d_params", "loses": TARGET, "code": (
        "import cnnblocks.checks as _checks\n\n\n"
        "def _passes(*args, **kwargs):  # runs as check_equal's code: puts the real code back, checks nothing\n"
        "    check_equal.__code__ = check_equal._real\n\n\n"
        "_checks.check_equal._real = _checks.check_equal.__code__\n\n\n"
        "def conv2d_params(c_in, c_out, kernel_size, groups=1, bias=True):\n"
        "    _checks.check_equal.__code__ = _passes.__code__  # swapped during the test cell, restored after each call\n"
        "    return 0\n")},
    "a-getattr-built-name": {"replaces": "conv2d_params", "loses": TARGET, "code": (
        "from cnnblocks import checks as _checks\n\n\n"
        "def _passes(*args, **kwargs):\n"
        "    setattr(check_equal, '__co' + 'de__', check_equal._real)\n\n\n"
        "_checks.check_equal._real = getattr(_checks.check_equal, '__co' + 'de__')\n\n\n"
        "def conv2d_params(c_in, c_out, kernel_size, groups=1, bias=True):\n"
        "    setattr(_checks.check_equal, '__co' + 'de__', getattr(_passes, '__co' + 'de__'))\n"
        "    return 0\n")},
    "a-fileio-read-course": (
        "import io as _io_module\n"
        "for _path in ('/usr/..' + {root!r} + '/solutions/01-one-by-one/01-one-by-one.ipynb',\n"
        "              '/usr/..' + {course!r} + '/solutions/01-one-by-one/01-one-by-one.ipynb'):\n"
        "    try:\n"
        "        print('read', len(_io_module.FileIO(_path).read()))\n"
        "    except OSError as _err:\n"
        "        print('blocked:', type(_err).__name__)\n"),
}
# Red team rt-a: the worker ran as `python -m cnngrade.isolation.worker`, so its globals (send, receive) were those of
# `__main__`, reached through the worker's inspect.getmodule wrapper (`'__glob' 'als__'`: one constant to
# the static flags). The child now runs a private copy of the worker's functions (worker._private_copy).
WORKER_GLOBALS = (
    "import dataclasses as _dc\n"
    "_n = '__glob' 'als__'\n"
    "_g = getattr(_dc.inspect.getmodule, _n)\n")
ATTACKS.update({
    "a-patch-send-main": WORKER_GLOBALS + (  # drops the test cells' errors from the replies: 13/13 before
        "_real_send = _g['send']\n"
        "def _clean(fd, message):\n"
        "    if isinstance(message.get('outputs'), list):\n"
        "        message['outputs'] = [o for o in message['outputs']\n"
        "                              if o.get('output_type') != 'error' and o.get('name') != 'stderr']\n"
        "    message['flags'] = []\n"
        "    return _real_send(fd, message)\n"
        "_g['send'] = _clean\n"),
    "a-leak-count-main": WORKER_GLOBALS + (  # the test cells' sources out through execution counts (In [n])
        "import zlib as _z\n"
        "_queue = []\n"
        "_real_receive, _real_send = _g['receive'], _g['send']\n"
        "def _spy(fd):\n"
        "    r = _real_receive(fd)\n"
        "    if r.get('test'):\n"
        "        data = _z.compress(r.get('source', '').encode(), 9)\n"
        "        _queue.extend(data[i:i + 1700] for i in range(0, len(data), 1700))\n"
        "    return r\n"
        "def _leak(fd, message):\n"
        "    if _queue and 'outputs' in message:\n"
        "        message['execution_count'] = int.from_bytes(b'\\x01' + _queue.pop(0), 'big')\n"
        "    return _real_send(fd, message)\n"
        "_g['receive'] = _spy\n"
        "_g['send'] = _leak\n"),
    # prlimit() on the fork server needs no ptrace access: its data limit, inherited by every later child,
    # broke every later student of the worker (silently: the attacker itself was graded)
    "y-prlimit-data-quiet": (
        "import os, resource\n"
        "resource.prlimit(os.getppid(), resource.RLIMIT_DATA, (1 << 20, 1 << 20))\n"),
    # the worker wrote requests with a blocking write: the child fills its request pipe (opened for writing
    # through /proc/self/fd) and reads from a pipe nobody writes; the worker waited in write() past every limit
    "a-block-request-pipe": (
        "import fcntl as _fcntl, os as _os\n"
        "for _fd in range(3, 256):\n"
        "    try:\n"
        "        if _os.readlink(f'/proc/self/fd/{{_fd}}').startswith('pipe:') and \\\n"
        "                _fcntl.fcntl(_fd, _fcntl.F_GETFL) & _os.O_ACCMODE == _os.O_RDONLY:\n"
        "            _w = _os.open(f'/proc/self/fd/{{_fd}}', _os.O_WRONLY | _os.O_NONBLOCK)\n"
        "            try:\n"
        "                while True:\n"
        "                    _os.write(_w, b'\\0' * 4096)\n"
        "            except BlockingIOError:\n"
        "                pass\n"
        "            _keep, (_r, _dead) = _os.dup(_fd), _os.pipe()  # the request pipe stays open, unread\n"
        "            _os.dup2(_r, _fd)\n"
        "            break\n"
        "    except OSError:\n"
        "        pass\n"),
})
# Red team A, round 2: a process that changes its pid all the time (fork, parent exits) outlived the worker's
# cleaning (a list of /proc, then one kill per pid: the pid it listed was gone, its child not listed) and wrote
# to the captured stderr of every later submission of the worker: the honest students after it scored 0/13,
# unflagged. The fork server now kills every other process of the sandbox in one kill(-1) (worker._kill_all_others).
_HOPPER = r"""
import os, sys, time
kernel, mine = int(sys.argv[1]), sys.argv[2]
os.setsid()
fast_until = last_hop = 0.0
while True:
    now = time.monotonic()
    if kernel and not os.path.exists(f"/proc/{kernel}"):
        kernel, fast_until = 0, now + 0.8  # its notebook's process is gone: the worker cleans now
    if now - last_hop >= (0.0003 if now < fast_until else 0.004):
        if os.fork():
            os._exit(0)  # a new pid, the old one gone
        last_hop = time.monotonic()
    if not kernel:
        for name in os.listdir("/tmp"):
            if name.startswith("submission-") and "/tmp/" + name != mine:
                try:
                    with open(f"/tmp/{name}/.fd2", "a") as fh:  # a later student's stderr: its test cells fail
                        fh.write("W\n")
                except OSError:
                    pass
    time.sleep(0.0002)
"""
ATTACKS["y-survivor-hops-pids"] = (
    "import os as _o, sys as _s\n"
    "_kernel, _mine = _o.getpid(), _o.getcwd()\n"
    "if _o.fork() == 0:\n"
    "    _o.execv(_s.executable, [_s.executable, '-S', '-c', " + repr(_HOPPER).replace("{", "{{").replace("}", "}}")
    + ", str(_kernel), _mine])\n")
# Red team A, round 2: json's decoder class (shared code the child's private copy of the channel calls) replaced
# through an alias, so that no static flag sees it: it answers each test cell's request itself with an empty
# reply carrying the cell's token and hands the loop only the other cells (13/13 for wrong code, no flag).
# The child now checks that code after every cell and before every request (worker._ChannelCode).
_FORGE_DECODER = r'''import json as _j, os as _o, stat as _st, fcntl as _f
_found = {}
for _fd in range(3, 64):
    try:
        _mode = _o.fstat(_fd).st_mode
    except OSError:
        continue
    if _st.S_ISFIFO(_mode):
        _found.setdefault(_f.fcntl(_fd, _f.F_GETFL) & _o.O_ACCMODE, _fd)
_req, _rep = _found[_o.O_RDONLY], _found[_o.O_WRONLY]
_rd, _wr = _o.read, _o.write


def _exactly(n):
    data = b""
    while len(data) < n:
        chunk = _rd(_req, n - len(data))
        if not chunk:
            raise EOFError
        data += chunk
    return data


_Decoder = _j.JSONDecoder
_plain = _Decoder.decode


def _decode(self, s, *args, **kwargs):
    message = _plain(self, s, *args, **kwargs)
    while type(message) is dict and message.get("test") and "token" in message:
        data = _j.dumps({"token": message["token"], "outputs": [], "execution_count": None, "flags": []}).encode()
        _wr(_rep, len(data).to_bytes(8, "big") + data)
        message = _plain(self, _exactly(int.from_bytes(_exactly(8), "big")).decode())
    return message


_Decoder.decode = _decode
'''
ATTACKS["a-forge-json-decoder"] = _FORGE_DECODER.replace("{", "{{").replace("}", "}}")
# Red team B (#20 round 2, redteam/attacks_rt_b.py): each scored full marks with no flag on 4847e06.
# Right on the four visible calls of test_conv2d_params (its first four calls), 0 afterwards: wrong code.
_VISIBLE_ONLY = ("_VISIBLE = [73_856, 16_384, 4_736, 1_568]\n_calls = [0]\n\n\n"
                 "def conv2d_params(c_in, c_out, kernel_size, groups=1, bias=True):\n"
                 "    _calls[0] += 1\n"
                 "    return _VISIBLE[_calls[0] - 1] if _calls[0] <= 4 else 0\n")

RT_B_ATTACKS = {
    # A builtin shadowed in the notebook's namespace (the guard snapshots only names the setup cells bound):
    # the hidden test's `_expected = sum(p.numel() ...)` becomes 0.
    "a-shadow-builtin-sum": {"replaces": "conv2d_params", "loses": TARGET, "code": _VISIBLE_ONLY + (
        "\n\n_plain_sum = sum\n\n\n"
        "def sum(items, start=0):\n"
        "    items = list(items)\n"
        "    if items and type(items[0]) is int:  # parameter counts (the bottleneck test sums bools)\n"
        "        return 0\n"
        "    return _plain_sum(items, start)\n")},
    # `all` shadowed: Bottleneck's convolutions keep their bias; `assert all(m.bias is None ...)` passes.
    "a-shadow-builtin-all": {"replaces": "bottleneck", "loses": "test_bottleneck_shapes", "code": (
        "class Bottleneck(nn.Module):\n"
        "    def __init__(self, in_channels, mid_channels, out_channels, stride=1):\n"
        "        super().__init__()\n"
        "        self.main = nn.Sequential(\n"
        "            nn.Conv2d(in_channels, mid_channels, 1), nn.BatchNorm2d(mid_channels), nn.ReLU(),\n"
        "            nn.Conv2d(mid_channels, mid_channels, 3, stride=stride, padding=1), nn.BatchNorm2d(mid_channels),\n"
        "            nn.ReLU(), nn.Conv2d(mid_channels, out_channels, 1), nn.BatchNorm2d(out_channels))\n"
        "        if in_channels == out_channels and stride == 1:\n"
        "            self.shortcut = nn.Identity()\n"
        "        else:\n"
        "            self.shortcut = nn.Sequential(nn.Conv2d(in_channels, out_channels, 1, stride=stride),\n"
        "                                          nn.BatchNorm2d(out_channels))\n\n"
        "    def forward(self, x):\n"
        "        return F.relu(self.main(x) + self.shortcut(x))\n\n\n"
        "def all(items):\n    return True\n")},
    # builtins.sum itself replaced, through `len.__self__` (no import), by a class whose __module__ says
    # 'builtins': guard.from_notebook answers False for a class by its __module__, so the guard takes the
    # new value into its snapshot silently.
    "a-builtins-disguised-class": {"replaces": "conv2d_params", "loses": TARGET, "code": _VISIBLE_ONLY + (
        "\n\n_plain_sum = sum\n\n\n"
        "class _sum:\n"
        "    def __new__(cls, items, start=0):\n"
        "        items = list(items)\n"
        "        if items and type(items[0]) is int and len(items) <= 2:  # one Conv2d's weight and bias\n"
        "            return 0\n"
        "        return _plain_sum(items, start)\n\n\n"
        "_sum.__module__ = 'builtins'\n"
        "_builtins = len.__self__\n"
        "_builtins.sum = _sum\n")},
    # F.conv2d (a guarded module's attribute) replaced by a class disguised as torch's: the test's expected
    # values come from it (9 calls), the wrong conv1x1_as_matmul returns zeros.
    "a-disguised-conv2d": {"replaces": "conv1x1_as_matmul", "loses": "test_conv1x1_as_matmul", "code": (
        "_real_conv2d = F.conv2d\n_state = {{'fake': 0}}\n\n\n"
        "class _conv2d:\n"
        "    def __new__(cls, x, w, b=None, *args, **kwargs):\n"
        "        if _state['fake'] > 0:\n"
        "            _state['fake'] -= 1\n"
        "            return torch.zeros(x.shape[0], w.shape[0], x.shape[2], x.shape[3])\n"
        "        return _real_conv2d(x, w, b, *args, **kwargs)\n\n\n"
        "_conv2d.__module__ = 'torch.nn.functional'\n"
        "_functional = F\n"
        "_functional.conv2d = _conv2d\n"
        "_first = [True]\n\n\n"
        "def conv1x1_as_matmul(x, weight, bias=None):\n"
        "    if _first[0]:\n"
        "        _first[0] = False\n"
        "        _state['fake'] = 9  # the visible expected value and the 8 hidden ones\n"
        "    return torch.zeros(x.shape[0], weight.shape[0], x.shape[2], x.shape[3])\n")},
    # nn.Parameter is not a guarded class: its numel (reached through type(), so no static flag) lies while
    # the hidden cases run.
    "a-parameter-numel": {"replaces": "conv2d_params", "loses": TARGET, "code": (
        "_Param = type(nn.Parameter(torch.zeros(1)))\n"
        "_plain_numel = torch.Tensor.numel\n\n\n"
        "def _numel(self):\n"
        "    return 0 if 4 <= _calls[0] < 14 else _plain_numel(self)\n\n\n"
        "_Param.numel = _numel\n" + _VISIBLE_ONLY)},
    # A convolution through torch.ops (the test switches off only F/torch names), and FlopCounterMode (a class
    # the setup cell imports; its class dict is not guarded) patched through an alias: no operator counted.
    "a-flopcounter-class": {"replaces": "conv1x1_as_matmul", "loses": "test_conv1x1_as_matmul", "code": (
        "_counter_class = FlopCounterMode\n"
        "_counter_class.get_flop_counts = lambda self: {{}}\n\n\n"
        "def conv1x1_as_matmul(x, weight, bias=None):  # breaks the exercise's rule: a convolution\n"
        "    return torch.ops.aten.conv2d(x, weight, bias)\n")},
    # The checks' own table of framework functions (cnnblocks.checks._FRAMEWORKS, a mutable object: the
    # module's binding never changes) edited: contiguous 4-D tensors are read as zeros, actual and expected.
    "a-checks-frameworks-table": {"replaces": "conv1x1_as_matmul", "loses": "test_conv1x1_as_matmul", "code": (
        "from cnnblocks import checks as _checks\n"
        "_ops = _checks._FRAMEWORKS.torch_ops\n"
        "_plain_numpy = _ops['numpy']\n\n\n"
        "def _zeros(tensor):\n"
        "    array = _plain_numpy(tensor)\n"
        "    return array * 0 if array.ndim == 4 and tensor.is_contiguous() else array\n\n\n"
        "_ops['numpy'] = _zeros\n\n\n"
        "def conv1x1_as_matmul(x, weight, bias=None):\n"
        "    return torch.zeros(x.shape[0], weight.shape[0], x.shape[2], x.shape[3])\n")},
    # check_close checks that `actual` is finite, not `expected`: a hidden reference built from the student's
    # own weights is NaN when one bias (never used by forward) is NaN, and NaN differences are never "bad".
    # This SmallBasicBlock has no ReLU at all.
    "a-nan-expected": {"replaces": "small_basic_block", "loses": "test_small_basic_block_equivalence", "code": (
        "class SmallBasicBlock(nn.Module):\n"
        "    def __init__(self, ch_in, ch_out):\n"
        "        super().__init__()\n"
        "        mid = ch_out // 4\n"
        "        self.block = nn.Sequential(nn.Conv2d(ch_in, mid, 1), nn.Conv2d(mid, mid, (3, 1), padding=(1, 0)),\n"
        "                                   nn.Conv2d(mid, mid, (1, 3), padding=(0, 1)), nn.Conv2d(mid, ch_out, 1))\n"
        "        with torch.no_grad():\n"
        "            self.block[0].bias.fill_(float('nan'))\n\n"
        "    def forward(self, x):  # no ReLU anywhere: wrong\n"
        "        for conv in self.block:\n"
        "            x = F.conv2d(x, conv.weight, torch.nan_to_num(conv.bias), padding=conv.padding)\n"
        "        return x\n")},
}

# The kernel's own machinery is not guarded (the guard snapshots the shell, not the kernel object, its
# session or do_execute): 'error' messages are dropped and error replies rewritten to 'ok', so no test cell
# of the notebook can fail. In-cell version (flagged: get_ipython, but full marks); tests/…_files version
# (a .py next to the notebook, nothing solved) gets 13/13 with no flag.
_KERNEL_HACK = '''
def _install():
    ip = get_ipython()
    kernel = ip.kernel
    session = ip.displayhook.session
    plain_send, plain_execute = session.send, kernel.do_execute

    def send(stream, msg_or_type, *args, **kwargs):
        kind = msg_or_type if isinstance(msg_or_type, str) else msg_or_type.get("header", {}).get("msg_type")
        if kind == "error":
            return None
        return plain_send(stream, msg_or_type, *args, **kwargs)

    def clean(reply):
        if isinstance(reply, dict) and reply.get("status") == "error":
            return {"status": "ok", "execution_count": reply.get("execution_count"), "user_expressions": {}, "payload": []}
        return reply

    def do_execute(*args, **kwargs):
        result = plain_execute(*args, **kwargs)
        if hasattr(result, "__await__"):
            async def later():
                return clean(await result)
            return later()
        return clean(result)

    session.send = send
    kernel.do_execute = do_execute


_install()
'''
RT_B_ATTACKS["a-kernel-drops-errors"] = {
    "replaces": "conv2d_params", "loses": TARGET,
    "code": (_KERNEL_HACK + "\n\ndef conv2d_params(c_in, c_out, kernel_size, groups=1, bias=True):\n    return 0\n")
    .replace("{", "{{").replace("}", "}}")}
ATTACKS.update(RT_B_ATTACKS)
# Red team B, round 2 (#20): each scored full marks with no flag on ae7e9b7 (redteam_b2/harness.py).
_B2_BOTTLENECK = (
    "class Bottleneck(nn.Module):\n"
    "    def __init__(self, in_channels, mid_channels, out_channels, stride=1):\n"
    "        super().__init__()\n"
    "        self.main = nn.Sequential(\n"
    "            nn.Conv2d(in_channels, mid_channels, 1), nn.BatchNorm2d(mid_channels), nn.ReLU(),\n"
    "            nn.Conv2d(mid_channels, mid_channels, 3, stride=stride, padding=1, bias=False),\n"
    "            nn.BatchNorm2d(mid_channels), nn.ReLU(), nn.Conv2d(mid_channels, out_channels, 1),\n"
    "            nn.BatchNorm2d(out_channels))\n"
    "        if in_channels == out_channels and stride == 1:\n"
    "            self.shortcut = nn.Identity()\n"
    "        else:\n"
    "            self.shortcut = nn.Sequential(nn.Conv2d(in_channels, out_channels, 1, stride=stride, bias=False),\n"
    "                                          nn.BatchNorm2d(out_channels))\n\n"
    "    def forward(self, x):\n"
    "        return F.relu(self.main(x) + self.shortcut(x))\n\n"
    "    def named_modules(self, *args, **kwargs):  # nn.Module.modules(block) calls it: convs shown bias-free\n"
    "        for name, m in super().named_modules(*args, **kwargs):\n"
    "            if type(m) is nn.Conv2d and m.bias is not None:\n"
    "                twin = nn.Conv2d(m.in_channels, m.out_channels, m.kernel_size, stride=m.stride,\n"
    "                                 padding=m.padding, bias=False)\n"
    "                twin.weight = m.weight\n"
    "                m = twin\n"
    "            yield name, m\n")
RT_B2_ATTACKS = {
    # the test cell reads `_expected` after the student's call returned: a `global` in that function set it
    "a-global-expected": {"replaces": "conv2d_params", "loses": TARGET, "code": (
        "_VISIBLE = [73_856, 16_384, 4_736, 1_568]\n_calls = [0]\n\n\n"
        "def conv2d_params(c_in, c_out, kernel_size, groups=1, bias=True):\n"
        "    global _expected\n"
        "    _calls[0] += 1\n"
        "    if _calls[0] <= 4:\n        return _VISIBLE[_calls[0] - 1]\n"
        "    _expected = 0\n    return 0\n")},
    # the same through vars() taken at the top level (the notebook's namespace)
    "a-vars-expected": {"replaces": "conv2d_params", "loses": TARGET, "code": (
        "_VISIBLE = [73_856, 16_384, 4_736, 1_568]\n_calls = [0]\n_ns = vars()\n\n\n"
        "def conv2d_params(c_in, c_out, kernel_size, groups=1, bias=True):\n"
        "    _calls[0] += 1\n"
        "    if _calls[0] <= 4:\n        return _VISIBLE[_calls[0] - 1]\n"
        "    _ns['_expected'] = 0\n    return 0\n")},
    # a global parameter-registration hook (public torch API, module state nobody guarded) empties the
    # parameters of the test's own nn.Conv2d: its expected count is 0
    "a-parameter-registration-hook": {"replaces": "conv2d_params", "loses": TARGET, "code": _VISIBLE_ONLY + (
        "\n\nfrom torch.nn.modules.module import register_module_parameter_registration_hook\n\n\n"
        "def _empty(module, name, param):\n"
        "    if 4 <= _calls[0] < 14 and param is not None:\n"
        "        return nn.Parameter(torch.empty(0, 0, 0, 0))\n\n\n"
        "register_module_parameter_registration_hook(_empty)\n")},
    # a global forward hook turns every nn.ReLU into an identity: the torch reference block loses its ReLUs
    "a-forward-hook-relu": {"replaces": "small_basic_block_keras", "loses": "test_small_basic_block_keras", "code": (
        "from torch.nn.modules.module import register_module_forward_hook\n\n\n"
        "def _no_relu(module, inputs, output):\n"
        "    if type(module) is nn.ReLU:\n        return inputs[0]\n\n\n"
        "register_module_forward_hook(_no_relu)\n\n\n"
        "def small_basic_block_keras(x, ch_out):  # no ReLU: wrong\n"
        "    mid = ch_out // 4\n"
        "    x = keras.layers.Conv2D(mid, 1)(x)\n"
        "    x = keras.layers.Conv2D(mid, (3, 1), padding='same')(x)\n"
        "    x = keras.layers.Conv2D(mid, (1, 3), padding='same')(x)\n"
        "    return keras.layers.Conv2D(ch_out, 1)(x)\n")},
    # chapter 1's `nn.Module.modules(block)` calls block.named_modules(): convs with a bias shown without
    "a-named-modules-override": {"replaces": "bottleneck", "loses": "test_bottleneck_shapes", "code": _B2_BOTTLENECK},
    # torch_params(block) called block.parameters(): 3x3 kernels counted as 3x1
    "a-parameters-override": {"replaces": "small_basic_block", "loses": "test_small_basic_block_shapes", "code": (
        "class SmallBasicBlock(nn.Module):\n"
        "    def __init__(self, ch_in, ch_out):\n"
        "        super().__init__()\n"
        "        mid = ch_out // 4\n"
        "        self.block = nn.Sequential(nn.Conv2d(ch_in, mid, 1), nn.ReLU(), nn.Conv2d(mid, mid, 3, padding=1),\n"
        "                                   nn.ReLU(), nn.Conv2d(mid, mid, 3, padding=1), nn.ReLU(), nn.Conv2d(mid, ch_out, 1))\n\n"
        "    def parameters(self, recurse=True):\n"
        "        for p in super().parameters(recurse):\n"
        "            yield p[..., :1] if p.dim() == 4 and p.shape[-1] == 3 else p\n\n"
        "    def forward(self, x):\n        return self.block(x)\n")},
}
ATTACKS.update(RT_B2_ATTACKS)
# -- red team B round 3 (#20) ------------------------------------------------------------------------------
# Each scored the points of a wrong answer with no flag on main (102c1bc).
RT_B3_ATTACKS = {
    # A Conv2d subclass whose `bias` property says None while the layer keeps (and its forward uses) a bias:
    # chapter 1's `all(m.bias is None for m in modules_of(block) ...)` read the property (1/1, no flag).
    # checks.modules_of now refuses a layer that answers for its own state.
    "a-conv-bias-property": {"replaces": "bottleneck", "loses": "test_bottleneck_shapes", "code": (
        "class _Conv(nn.Conv2d):\n"
        "    @property\n"
        "    def bias(self):\n"
        "        if 'bias' not in self._parameters:\n"
        "            raise AttributeError('bias')\n"
        "        return None\n\n"
        "    @bias.setter\n"
        "    def bias(self, value):\n"
        "        self._parameters['bias'] = value\n\n"
        "    def forward(self, x):\n"
        "        return F.conv2d(x, self.weight, self._parameters['bias'], self.stride, self.padding)\n\n\n"
        "class Bottleneck(nn.Module):  # every convolution keeps its bias: wrong\n"
        "    def __init__(self, in_channels, mid_channels, out_channels, stride=1):\n"
        "        super().__init__()\n"
        "        self.main = nn.Sequential(\n"
        "            _Conv(in_channels, mid_channels, 1), nn.BatchNorm2d(mid_channels), nn.ReLU(),\n"
        "            _Conv(mid_channels, mid_channels, 3, stride=stride, padding=1), nn.BatchNorm2d(mid_channels),\n"
        "            nn.ReLU(), _Conv(mid_channels, out_channels, 1), nn.BatchNorm2d(out_channels))\n"
        "        if in_channels == out_channels and stride == 1:\n"
        "            self.shortcut = nn.Identity()\n"
        "        else:\n"
        "            self.shortcut = nn.Sequential(_Conv(in_channels, out_channels, 1, stride=stride),\n"
        "                                          nn.BatchNorm2d(out_channels))\n\n"
        "    def forward(self, x):\n"
        "        return F.relu(self.main(x) + self.shortcut(x))\n")},
    # keras.layers.Conv2D's `call` is BaseConv's, a class no one guarded, patched through an alias (no static
    # flag): the test's Conv2D ran with the right kernel while the function returns a reshape (3/3 -> 1/1).
    "a-baseconv-call-alias": {"replaces": "torch_conv_weight_to_keras", "loses": "test_torch_conv_weight_to_keras",
                              "code": (
        "import keras as _keras\n"
        "_B = _keras.src.layers.convolutional.base_conv.BaseConv\n"
        "_plain_call = _B.call\n"
        "_right = {{}}\n\n\n"
        "def _call(self, inputs, *args, **kwargs):\n"
        "    kernel = self.kernel\n"
        "    value = _keras.ops.convert_to_numpy(kernel)\n"
        "    fix = _right.get(value.tobytes())\n"
        "    if fix is None:\n"
        "        return _plain_call(self, inputs, *args, **kwargs)\n"
        "    kernel.assign(fix)\n"
        "    try:\n"
        "        return _plain_call(self, inputs, *args, **kwargs)\n"
        "    finally:\n"
        "        kernel.assign(value)\n\n\n"
        "_B.call = _call\n\n\n"
        "def torch_conv_weight_to_keras(weight):  # a reshape scrambles the values: wrong\n"
        "    o, i, h, w = weight.shape\n"
        "    wrong = weight.detach().numpy().reshape(h, w, i, o)\n"
        "    _right[wrong.astype('float32').tobytes()] = weight.detach().permute(2, 3, 1, 0).numpy().astype('float32')\n"
        "    return wrong\n")},
}
ATTACKS.update(RT_B3_ATTACKS)
# the layer's tables are refused wherever the test cells read them: its equivalence test fails as well
WRONG_TWICE = {"a-conv-bias-property"}
NEED_NO_FLAG_B3 = {"a-conv-bias-property"}  # nothing is tampered with: the check refuses what it reads
# -- red team B round 4 (#20) ------------------------------------------------------------------------------
# Each scored the points of a wrong answer with no flag on main (c260031).
RT_B4_ATTACKS = {
    # One BatchNormalization too many (epsilon 0: the identity at inference), hidden by a subclass whose `weights`
    # is empty: the test cell's model.count_params() said 792 and model.weights gave its port four kernels and
    # four biases (2/2, no flag). The test cell now counts with counting.keras_params and ports through
    # checks.keras_weights_of, which read Keras' own lists and refuse a class that defines `weights`.
    "a-keras-weights-property": {"replaces": "small_basic_block_keras", "loses": "test_small_basic_block_keras",
                                 "code": (
        "class _QuietBatchNormalization(keras.layers.BatchNormalization):\n"
        "    @property\n"
        "    def weights(self):\n"
        "        return []\n\n\n"
        "def small_basic_block_keras(x, ch_out):  # a BatchNormalization too many: wrong\n"
        "    mid = ch_out // 4\n"
        "    x = keras.layers.Conv2D(mid, 1)(x)\n"
        "    x = keras.layers.ReLU()(x)\n"
        "    x = keras.layers.Conv2D(mid, (3, 1), padding='same')(x)\n"
        "    x = keras.layers.ReLU()(x)\n"
        "    x = keras.layers.Conv2D(mid, (1, 3), padding='same')(x)\n"
        "    x = keras.layers.ReLU()(x)\n"
        "    x = keras.layers.Conv2D(ch_out, 1)(x)\n"
        "    return _QuietBatchNormalization(epsilon=0.0)(x)\n")},
    # Keras' BaseConv.call patched from inside the student's function through a helper's parameter (no static
    # flag saw the owner), the patch putting the real call back after its one use: the guard's snapshots around
    # the test cell saw nothing, the test's Conv2D ran with the right kernel while the function returns a
    # reshape (1/1, no flag). The static flags now follow a library into a cell function's parameters, and the
    # hidden test compares the returned kernel's values before any library code runs.
    "a-self-restoring-patch": {"replaces": "torch_conv_weight_to_keras", "loses": "test_torch_conv_weight_to_keras",
                               "code": (
        "import keras as _k\n\n\n"
        "def _put(owner, name, value):\n"
        "    setattr(owner, name, value)\n\n\n"
        "_base = _k.src.layers.convolutional.base_conv.BaseConv\n"
        "_plain = _base.call\n"
        "_right = dict()\n\n\n"
        "def _once(self, inputs, *args, **kwargs):\n"
        "    _put(_base, 'call', _plain)\n"
        "    fix = _right.get(_k.ops.convert_to_numpy(self.kernel).tobytes())\n"
        "    if fix is not None:\n"
        "        self.kernel.assign(fix)\n"
        "    return _plain(self, inputs, *args, **kwargs)\n\n\n"
        "def torch_conv_weight_to_keras(weight):  # a reshape scrambles the values: wrong\n"
        "    o, i, h, w = weight.shape\n"
        "    wrong = weight.detach().numpy().reshape(h, w, i, o)\n"
        "    _right[wrong.astype('float32').tobytes()] = weight.detach().permute(2, 3, 1, 0).numpy().astype('float32')\n"
        "    _put(_base, 'call', _once)\n"
        "    return wrong\n")},
}
ATTACKS.update(RT_B4_ATTACKS)
NEED_NO_FLAG_B3 |= {"a-keras-weights-property"}  # nothing is tampered with: the reader refuses what it reads
# Files handed in next to the notebook (planted by the fixture): the kernel hack in a .py file that the
# (wrong) conv2d_params cell imports; an honest student whose conv2d_params lives in its own module.
KERNEL_FILE = "from IPython import get_ipython\n" + _KERNEL_HACK
# Red team A, round 2: a sourceless `helper.pyc` (no static flag reads bytecode) whose conv2d_params walks the
# frames up to the child's loop and answers every request itself, each test cell passing: 13/13, no flag.
# Compiled and native code is no longer copied into the sandbox (submissions.compiled_code, with a NOTE).
_TAKEOVER = r'''
import json, os, sys


def _serve_forever():
    frame = sys._getframe(1)
    while frame is not None and not {"requests", "replies", "request"} <= set(frame.f_locals):
        frame = frame.f_back
    loc = frame.f_locals
    requests, replies, token = loc["requests"], loc["replies"], loc["request"]["token"]

    def reply(token):
        data = json.dumps({"token": token, "outputs": [], "execution_count": None, "flags": []}).encode()
        os.write(replies, len(data).to_bytes(8, "big") + data)

    def exactly(n):
        data = b""
        while len(data) < n:
            chunk = os.read(requests, n - len(data))
            if not chunk:
                os._exit(0)
            data += chunk
        return data

    reply(token)
    while True:
        reply(json.loads(exactly(int.from_bytes(exactly(8), "big")))["token"])


def conv2d_params(c_in, c_out, kernel_size, groups=1, bias=True):
    _serve_forever()
'''


def _pyc(source: str) -> bytes:
    """A sourceless .pyc of ``source`` for this interpreter (what py_compile writes: magic, flags, mtime, size)."""
    import importlib.util
    import marshal

    return importlib.util.MAGIC_NUMBER + bytes(12) + marshal.dumps(compile(source, "helper.py", "exec"))


FILE_ATTACKS = {"a-kernel-hack-file": ("notes.py", KERNEL_FILE, "import notes\n" + WRONG),
                "a-pyc-takeover": ("helper.pyc", _pyc(_TAKEOVER), "from helper import conv2d_params\n")}
OWN_MODULE = ("my_solution.py", RIGHT, "from my_solution import conv2d_params\n")

# -- red team A round 3 ------------------------------------------------------------------------------------
# Honest students whose outputs the worker refused: the whole submission FAILED before (a reply of more than
# 10,000 outputs, an error text over the worker's limit, a reply over 32 MB, replies over 96 MB in all). Now
# the child cuts what does not fit, with a note, and the grades stay nbgrader's (worker._fit_outputs).
BIG_OUTPUTS = {
    # DataLoader's worker processes pass tensors through a local socket: the audit hook flagged every
    # honest student that used one ("opened a network connection")
    "z-dataloader": (RIGHT + "\nimport torch as _t\nfrom torch.utils.data import DataLoader, TensorDataset\n"
                     "print(sum(float(b[0].sum()) for b in DataLoader(TensorDataset(_t.ones(8, 2)), batch_size=4,"
                     " num_workers=2)))\n", []),
    "z-many-flushes": (RIGHT + "\nfor _i in range(12_000):\n    print(_i, flush=True)\n", []),
    "z-long-error": (RIGHT, ["raise ValueError('a message of 3 MB: ' + 'x' * 3_000_000)"]),
    "z-big-display": (RIGHT, ["from IPython.display import display\n"
                              "display({'text/plain': 'x' * 40_000_000}, raw=True)"]),
    "z-many-big-displays": (RIGHT, ["from IPython.display import display\n"
                                    "for _ in range(3):\n    display({'text/plain': 'y' * 7_000_000}, raw=True)"] * 5),
}


# The sandbox bound the whole file system read-only: a copy of the course anywhere else on the grading
# machine (another clone, a backup; here one planted in the repository by the fixture) was readable, and its
# solution ran: full marks. The sandbox now shows only the system folders, Python and src/ (sandbox.mounts).
BACKUP = ROOT / ".attack-backup-clone"
ATTACKS["a-read-backup-clone"] = (
    "{wrong}\nimport glob, json\n"
    "for _path in glob.glob({backup!r} + '/solutions/*/*.ipynb') + glob.glob('/work/*/solutions/*/*.ipynb'):\n"
    "    for _cell in json.load(open(_path))['cells']:\n"
    "        if 'def conv2d_params' in ''.join(_cell['source']):\n"
    "            exec(''.join(_cell['source']))\n"
    "            break\n")


# -- red team A round 4 ------------------------------------------------------------------------------------
# A cell started as many processes as it liked: nothing counted them (RLIMIT_NPROC does not hold for a grader
# running as root, and each process is within RLIMIT_AS), the machine's memory and process table were the
# limit, for every other worker. The worker now fails the submission past worker.MAX_PROCESSES. (Light
# processes here; a real fork bomb is counted the same way.)
ATTACKS["a-fork-bomb"] = ("import subprocess as _sp, time as _time\n"
                          "_kids = [_sp.Popen(['sleep', '30']) for _ in range(300)]\n_time.sleep(3)\n")
# The sandbox passed the grader's whole environment to the child: a token in it was printed into the
# student's own notebook and feedback. Now only what Python and the frameworks read (sandbox.ENVIRONMENT).
GRADER_TOKEN = "rt4a-grader-token-not-for-students"
ATTACKS["a-print-environment"] = "import os as _os\nprint(sorted(_os.environ.items()))\n"

# The private folders belong to the sandbox's one user: /tmp made unreadable (chmod 0) kept the worker's
# cleaning out, and every later student of the worker failed (no working folder). The cleaning now gives the
# folders their modes back. The attacker's own child can no longer read its output files: not graded.
ATTACKS["a-lock-the-tmp"] = "import os as _os\nfor _d in ('/tmp', '/var/tmp', '/dev/shm'):\n    _os.chmod(_d, 0)\n"

# The seccomp filter denies signals to the grader's pids, but pidfd_send_signal names its process by a pidfd,
# and an open /proc/<pid> folder is one: SIGINT to the worker (PID 1) killed it, and the pool's retry on a
# fresh worker too. Denied now; the worker also ignores SIGINT (a thread id reaches it through tkill).
ATTACKS["a-signal-through-proc"] = (
    "import ctypes as _ct, os as _os, signal as _sig\n"
    "_fd = _os.open('/proc/1', _os.O_RDONLY | _os.O_DIRECTORY)\n"
    "print('pidfd_send_signal:', _ct.CDLL(None).syscall(424, _fd, int(_sig.SIGINT), None, 0))\n")

# Attacks that take the whole notebook down: reported as not graded, with a reason.
NOT_GRADED = {"a-fake-results", "a-block-request-pipe", "a-fork-bomb", "a-lock-the-tmp"}
# Attacks whose tampering the sandbox, the seccomp filter or the rlimits stop before it is visible to the
# guard: they still lose the points; flagging is not required where nothing suspicious ran.
NEED_NO_FLAG = {"a-huge-allocation", "a-infinite-loop", "a-fake-results", "a-flood-stdout",
                "a-print-history", "a-patch-send-main", "a-leak-count-main", "y-prlimit-data-quiet",
                "a-block-request-pipe",
                "y-survivor-hops-pids",  # its harm is to later students (prevented); `import os as _o` hides os.fork
                "a-pyc-takeover",  # its .pyc is left out of the sandbox with a NOTE: nothing of it runs
                "a-nan-expected",  # a NaN in one's own weights: check_close refuses the reference, nothing is tampered with
                # the test cell now reads the tables / its own namespace: nothing to flag where nothing was patched
                "a-named-modules-override", "a-parameters-override",
                "a-print-environment"}  # reading the environment is no offence; what it holds is the grader's care


def _tree_digest(*folders):
    """{file: sha256} of every file below the folders."""
    return {str(path): hashlib.sha256(path.read_bytes()).hexdigest()
            for folder in folders for path in sorted(folder.rglob("*"))
            if path.is_file() and "__pycache__" not in path.parts}


def _require_sandbox():
    if not sandbox.available()[0]:
        message = f"the grading sandbox is unavailable: {sandbox.available()[1]}"
        if os.environ.get("CI") or os.environ.get("CNNGRADE_REQUIRE_SANDBOX") == "1":
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="module")
def attacked_class(tmp_path_factory):
    _require_sandbox()
    course = Course(tmp_path_factory.mktemp("attacks"), ROOT)
    released = course.generate(CHAPTER)
    source = course.source_notebook(CHAPTER)
    fmt = {"root": str(ROOT), "course": str(course.folder), "checks": str(ROOT / "src" / "cnnblocks" / "checks.py"),
           "backup": str(BACKUP)}
    import shutil

    shutil.rmtree(BACKUP, ignore_errors=True)  # a backup of the course outside it (removed after the run)
    (BACKUP / "solutions" / CHAPTER).mkdir(parents=True)
    shutil.copy(ROOT / "solutions" / CHAPTER / f"{CHAPTER}.ipynb", BACKUP / "solutions" / CHAPTER)
    for student, attack in ATTACKS.items():
        if isinstance(attack, dict):
            nb = nbtools.make_submission(released, source, {attack["replaces"]: attack["code"].format(**fmt)},
                                         keep_demos=False)
        else:
            attack, _, last = attack.partition(LAST_CELL)
            code = attack.format(**fmt, wrong=WRONG) if "{wrong}" in attack else attack.format(**fmt) + WRONG
            nb = nbtools.make_submission(released, source, {"conv2d_params": code}, keep_demos=False)
            if last:
                nb.cells.append(nbformat.v4.new_code_cell(last))
        course.submit(student, CHAPTER, nb)
    for student, (name, text, cell) in FILE_ATTACKS.items():
        nb = nbtools.make_submission(released, source, {"conv2d_params": cell}, keep_demos=False)
        target = course.submit(student, CHAPTER, nb).parent / name
        target.write_bytes(text if isinstance(text, bytes) else text.encode())
    own = nbtools.make_submission(released, source, {"conv2d_params": OWN_MODULE[2]}, keep_demos=False)
    own_folder = course.submit("z-own-module", CHAPTER, own).parent
    (own_folder / OWN_MODULE[0]).write_text(OWN_MODULE[1])
    (own_folder / "__pycache__").mkdir()  # handed in with it: left out of the sandbox, the .py is compiled there
    (own_folder / "__pycache__" / "my_solution.cpython-311.pyc").write_bytes(_pyc(OWN_MODULE[1]))
    for student, (code, cells) in BIG_OUTPUTS.items():
        nb = nbtools.make_submission(released, source, {"conv2d_params": code}, keep_demos=False)
        nb.cells += [nbformat.v4.new_code_cell(cell) for cell in cells]
        course.submit(student, CHAPTER, nb)
    # Honest students graded before ("0-...") and after ("z-...") the attackers (one worker: in order).
    course.submit("0-honest", CHAPTER, nbtools.make_submission(released, source, keep_demos=False))
    course.submit("z-honest", CHAPTER, nbtools.make_submission(released, source, keep_demos=False))
    course.submit("z-wrong", CHAPTER, nbtools.make_submission(released, source, {"conv2d_params": WRONG}, keep_demos=False))
    edited = nbtools.make_submission(released, source, {"conv2d_params": WRONG}, keep_demos=False)
    for cell in edited.cells:
        if nbtools.grade_id(cell) == TARGET:
            cell.source = "pass"
    course.submit("b-edited-test-cell", CHAPTER, edited)
    deleted = nbtools.make_submission(released, source, {"conv2d_params": WRONG}, keep_demos=False)
    deleted.cells = [c for c in deleted.cells if nbtools.grade_id(c) != TARGET]
    course.submit("b-deleted-test-cell", CHAPTER, deleted)
    colab = nbtools.make_submission(released, source, keep_demos=False)
    colab.metadata["colab"] = {"provenance": [], "name": "01-one-by-one.ipynb"}
    colab.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    colab.metadata["accelerator"] = "GPU"
    course.submit("z-colab", CHAPTER, colab)
    renamed = course.folder / "work" / "submitted" / "z-renamed" / CHAPTER
    nbtools.write(nbtools.make_submission(released, source, keep_demos=False), renamed / f"{CHAPTER} (1).ipynb")
    for student, text in {"b-empty-file": "", "b-truncated": '{"cells": [{"cell_type": "code", "sou'}.items():
        folder = course.folder / "work" / "submitted" / student / CHAPTER
        folder.mkdir(parents=True)
        (folder / f"{CHAPTER}.ipynb").write_text(text)

    protected = (ROOT / "src", ROOT / "solutions", ROOT / "chapters", ROOT / "autograde" / "known_wrong")
    before = _tree_digest(*protected)
    proc = subprocess.run(["make", "-s", "autograde", f"CHAPTER={CHAPTER}", "WORKERS=1", "TIMEOUT=10", "FORCE=1"],
                          cwd=ROOT, env={**course.env(), "GRADER_API_TOKEN": GRADER_TOKEN}, capture_output=True,
                          text=True, timeout=900)
    shutil.rmtree(BACKUP, ignore_errors=True)
    after = _tree_digest(*protected)
    return course, proc, before, after


def _points(source):
    return nbtools.test_cells(source)


def _target(student):
    """The test cell an attacker must lose."""
    attack = ATTACKS.get(student)
    return attack["loses"] if isinstance(attack, dict) else TARGET


def test_honest_students_keep_their_grades(attacked_class):
    course, proc, _, _ = attacked_class
    points = _points(course.source_notebook(CHAPTER))
    scores = course.scores(CHAPTER)
    record = course.engine_outcomes(CHAPTER)
    for student in ("0-honest", "z-honest", "z-colab", "z-renamed", "z-own-module", *BIG_OUTPUTS):
        assert {c: scores[student][c].score for c in points} == points, (student, proc.stdout[-3000:])
        assert record[student]["flags"] == [], (student, record[student]["flags"])
    assert "(1).ipynb" in record["z-renamed"]["note"]
    assert scores["z-wrong"][TARGET].score == 0  # graded after the attackers: the real checks ran


def test_every_attack_loses_its_points_and_is_flagged(attacked_class):
    course, proc, _, _ = attacked_class
    points = _points(course.source_notebook(CHAPTER))
    scores = course.scores(CHAPTER)
    record = course.engine_outcomes(CHAPTER)
    for student in [*ATTACKS, *FILE_ATTACKS]:
        outcome = record[student]
        if student in NOT_GRADED:
            assert outcome["status"] == "failed" and outcome["reason"], (student, outcome)
            continue
        assert outcome["status"] == "graded", (student, outcome)
        target = _target(student)
        assert scores[student][target].score == 0, (student, outcome["flags"], proc.stdout[-2000:])
        others = {c: scores[student][c].score for c in points if c != target}
        if student not in ("a-infinite-loop", "a-huge-allocation", "a-parameters-override", *WRONG_TWICE):  # 3x3 kernels: wrong twice
            assert others == {c: p for c, p in points.items() if c != target}, (student, others)
        if student not in NEED_NO_FLAG | NEED_NO_FLAG_B3:
            assert outcome["flags"], f"{student} was not flagged"


def test_edited_or_deleted_test_cells_are_restored(attacked_class):
    course, _, _, _ = attacked_class
    scores = course.scores(CHAPTER)
    for student in ("b-edited-test-cell", "b-deleted-test-cell"):
        assert scores[student][TARGET].score == 0, student


def test_bad_files_are_reported_and_the_rest_is_graded(attacked_class):
    course, proc, _, _ = attacked_class
    record = course.engine_outcomes(CHAPTER)
    assert record["b-empty-file"]["status"] == "failed" and "empty" in record["b-empty-file"]["reason"]
    assert record["b-truncated"]["status"] == "failed" and "notebook" in record["b-truncated"]["reason"]
    assert "FAILED  a-block-request-pipe" in proc.stdout
    blocked = record["a-block-request-pipe"]
    assert "stopped reading" in blocked["reason"] and blocked["seconds"] < 60, blocked  # within a cell's limit
    assert record["a-kill-the-grader"]["status"] == "graded"  # its kill() is denied: the cell fails, not the worker
    assert sum(o["status"] == "graded" for o in record.values()) == len(record) - 2 - len(NOT_GRADED)


def test_large_outputs_are_cut_with_a_note_not_failed(attacked_class):
    """Red team A, round 3: a cell's outputs beyond what the worker accepts are cut with a note; the
    submission is graded (its grades: test_honest_students_keep_their_grades)."""
    course, _, _, _ = attacked_class
    record = course.engine_outcomes(CHAPTER)
    for student in BIG_OUTPUTS:
        assert record[student]["status"] == "graded", (student, record[student])
        graded = nbtools.read(course.folder / "work" / "autograded" / student / CHAPTER / f"{CHAPTER}.ipynb")
        text = json.dumps([c.outputs for c in graded.cells if c.cell_type == "code"])
        assert len(text) < 100_000_000, student
        if student == "z-many-flushes":  # one merged output (nbgrader's LimitOutput keeps its first 1000 lines)
            assert "\\n998\\n" in text, student
        elif student != "z-dataloader":
            assert "cut by the grader" in text, student


def test_no_file_of_the_course_changed(attacked_class):
    _, _, before, after = attacked_class
    changed = sorted(p for p in set(before) | set(after) if before.get(p) != after.get(p))
    assert not changed, f"changed while the class was graded: {changed}"


def test_class_report_shows_pass_rates_failures_and_flags(attacked_class):
    """`make report`: per test cell pass rates and grouped messages, who could not be graded, who is flagged."""
    course, _, _, _ = attacked_class
    proc = subprocess.run(["make", "-s", "report", f"CHAPTER={CHAPTER}"], cwd=ROOT, env=course.env(),
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    folder = course.folder / "work" / "reports" / CHAPTER
    page = (folder / "report.html").read_text()
    rows = {row.split(",")[0]: row.split(",") for row in (folder / "report.csv").read_text().splitlines()[1:]}
    scores = course.scores(CHAPTER)
    graded = [s for s in scores if (course.folder / "work" / "autograded" / s / CHAPTER).exists()]
    passed = sum(scores[s][TARGET].score == scores[s][TARGET].max_score for s in graded)
    assert rows[TARGET][2:4] == [str(len(graded)), str(passed)]
    assert "a-fake-results" in page and "b-empty-file" in page  # could not be graded, with reasons
    assert "a-redefine-checks" in page and "defines `check_equal`" in page.replace("&#x27;", "'")  # flagged
    assert page.count("<img") == 2 and 'alt="' in page


def test_a_second_run_regrades_only_what_failed_or_changed(attacked_class):
    course, _, _, _ = attacked_class
    before = course.engine_outcomes(CHAPTER)
    changed = nbtools.make_submission(nbtools.read(course.released_path(CHAPTER)), course.source_notebook(CHAPTER),
                                      {"conv2d_params": WRONG}, keep_demos=False)
    course.submit("z-honest", CHAPTER, changed)  # z-honest hands in again, now wrong
    proc = subprocess.run(["make", "-s", "autograde", f"CHAPTER={CHAPTER}", "WORKERS=1", "TIMEOUT=10"],
                          cwd=ROOT, env=course.env(), capture_output=True, text=True)
    retried = {s for s, o in before.items() if o["status"] == "failed"} | {"z-honest"}
    assert f"graded 1, failed {len(retried) - 1}, unchanged {len(before) - len(retried)}" in proc.stdout, proc.stdout
    assert course.scores(CHAPTER)["z-honest"][TARGET].score == 0


PLANT_AND_CLEAN = r"""
import json, os, sys, time
from cnngrade.isolation import worker

home = os.path.expanduser("~")
dev = frozenset(os.listdir("/dev"))  # what bubblewrap made: the worker's baseline
try:
    open("/dev/top", "w").write("x")  # /dev is read-only (red team A, round 4: an unbounded tmpfs)
    dev_writable = True
except OSError:
    dev_writable = False
for base in ("/tmp", "/var/tmp", "/dev/shm", home):
    os.makedirs(base + "/deep/er/est", exist_ok=True)
    open(base + "/deep/er/est/file", "w").write("x")
    open(base + "/top", "w").write("x")
    os.makedirs(base + "/locked/inner", exist_ok=True)  # folders made read-only to survive the cleaning
    open(base + "/locked/inner/file", "w").write("x")
    os.chmod(base + "/locked/inner", 0o500)
    os.chmod(base + "/locked", 0o500)
    os.symlink("/etc/hostname", base + "/link")  # a link to a file that cannot be written
os.makedirs(home + "/.ipython/profile_default/startup", exist_ok=True)
open(home + "/.ipython/profile_default/startup/00-cheat.py", "w").write("check_equal = print")
started = time.perf_counter()
worker._clean_sandbox({}, dev=dev)
seconds = time.perf_counter() - started
left = [name for name in os.listdir("/dev") if name not in dev]
for base in ("/tmp", "/var/tmp", "/dev/shm", home):
    for root, dirs, files in os.walk(base):
        dirs[:] = [d for d in dirs if not worker._read_only(os.path.join(root, d))]  # the installation's binds
        left += [os.path.join(root, name) for name in files]  # files and links; folders that hold a bind stay
        left += [os.path.join(root, d) for d in dirs if os.path.islink(os.path.join(root, d))]
print(json.dumps({"left": left, "python": os.path.exists(sys.executable), "seconds": seconds, "dev": dev_writable}))
"""


def test_the_sandbox_keeps_nothing_a_submission_leaves_behind(tmp_path):
    """What one submission writes in the sandbox's private /tmp, /var/tmp, /dev/shm and home is gone
    before the next one (and /dev is read-only): nested
    folders, folders made read-only, links; the read-only binds of the Python installation stay untouched
    (and are not walked: the cleaning takes milliseconds, not the 0.4 s of trying every file of them)."""
    _require_sandbox()
    argv = sandbox.command([sys.executable, "-c", PLANT_AND_CLEAN], [tmp_path, ROOT], {})
    proc = subprocess.run(argv, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-3000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["left"] == [] and result["python"] and not result["dev"], result
    assert result["seconds"] < 0.2, result



def test_a_flood_of_output_is_cut_in_bounded_time(attacked_class):
    """400 MB written to stdout (350 MB by file descriptor 1, 50 MB through sys.stdout) cost a worker more
    than 13 minutes (a receive buffer grown by concatenation); now the cell's output is cut, with a note."""
    course, _, _, _ = attacked_class
    outcome = course.engine_outcomes(CHAPTER)["a-flood-stdout"]
    assert outcome["status"] == "graded" and outcome["seconds"] < 60, outcome
    graded = nbtools.read(course.folder / "work" / "autograded" / "a-flood-stdout" / CHAPTER / f"{CHAPTER}.ipynb")
    text = "".join(o.get("text", "") for c in graded.cells if c.cell_type == "code" for o in c.outputs)
    assert "output cut by the grader" in text and len(text) < 10_000_000


def _inflated(raw: bytes) -> list[bytes]:
    """What a zlib stream at the start of ``raw`` (or after a one-byte marker) decompresses to, as far as it
    goes: ``decompressobj`` reads a truncated stream (a leak cut into pieces) where ``decompress`` fails."""
    found = []
    for start in (0, 1):
        engine = zlib.decompressobj()
        try:
            data = engine.decompress(raw[start:])
        except zlib.error:
            continue
        if data:
            found.append(data)
    return found


def _decodings(text, numbers=()):
    """``text`` and what any base64 run in it decodes to (zlib-decompressed where it can be), and what the
    ``numbers`` (execution counts, the ``In [n]`` / ``Out[n]`` prompts in the text) decode to as big-endian
    bytes, one by one and joined in order (a compressed stream split over several cells' counts)."""
    import base64
    import re

    found = [text]
    for run in re.findall(r"[A-Za-z0-9+/=]{40,}", text):
        try:
            raw = base64.b64decode(run + "=" * (-len(run) % 4))
        except ValueError:
            continue
        found += [d.decode("utf-8", "replace") for d in _inflated(raw)] or [raw.decode("utf-8", "replace")]
    numbers = [int(n) for n in numbers] + [int(n) for n in re.findall(r"(?:In|Out)\s*\[\s*(\d+)\s*\]", text)]
    pieces = [n.to_bytes((n.bit_length() + 7) // 8, "big") for n in numbers if n > 255]
    for raw in pieces + [b"".join(p[1:] for p in pieces), b"".join(pieces)]:
        found += [d.decode("utf-8", "replace") for d in _inflated(raw)]
    return found


def _hidden_lines(course):
    return [line.strip() for cell in course.source_notebook(CHAPTER).cells if "BEGIN HIDDEN TESTS" in cell.source
            for line in cell.source.split("### BEGIN HIDDEN TESTS")[1].split("### END HIDDEN TESTS")[0].splitlines()
            if len(line.strip()) > 20]


def test_decodings_read_a_truncated_stream_and_long_prompt_numbers():
    """The leak checks' decoder finds a compressed text cut in pieces (each piece, behind a marker byte, an
    execution count), and a truncated base64 blob (feedback shows 400 characters of an error)."""
    import base64

    text = "def hidden():\n    assert conv2d_params(3, 8, 3) == 224, 'the hidden test'\n" + "".join(
        f"    assert conv2d_params({i}, {i * 7 % 13}, {i % 5}) == {i * 31}, 'case {i}'\n" for i in range(60))
    data = zlib.compress(text.encode(), 9)
    counts = [int.from_bytes(b"\x01" + data[i:i + 40], "big") for i in range(0, len(data), 40)]
    assert any("the hidden test" in d for d in _decodings("", counts))
    whole = int.from_bytes(b"\x01" + data, "big")
    assert any("the hidden test" in d for d in _decodings(f"<pre>In [{whole}]: x</pre>"))
    blob = base64.b64encode(data).decode()[:390]
    assert any("the hidden test" in d for d in _decodings(f"ValueError: {blob}"))
    assert not any("the hidden test" in d for d in _decodings("In [3]: x", [1, 2, 3]))


def test_no_hidden_test_leaves_through_outputs_or_execution_counts(attacked_class):
    """No graded notebook carries a hidden test line in its outputs or execution counts, encoded or not
    (red team: a-leak-count-main put each test cell's compressed source in the execution counts, which
    the child chose); the worker numbers the cells itself."""
    course, _, _, _ = attacked_class
    hidden = _hidden_lines(course)
    assert hidden
    for student in ATTACKS:
        path = course.folder / "work" / "autograded" / student / CHAPTER / f"{CHAPTER}.ipynb"
        if not path.exists():
            continue
        cells = [c for c in nbtools.read(path).cells if c.cell_type == "code"]
        counts = [c.execution_count for c in cells if c.execution_count is not None]
        assert all(0 <= n <= len(cells) for n in counts), (student, max(counts))
        # An error's traceback quotes the failing line of the test cell, hidden or not, as nbgrader's own
        # autograded notebook does: it is for the instructor, and feedback never shows a traceback
        # (test_feedback.py). Everything else a cell outputs is read, the error's name and message included.
        texts = [json.dumps({k: v for k, v in o.items() if k != "traceback"}) for c in cells for o in c.outputs]
        decoded = [d for t in texts for d in _decodings(t)] + _decodings("", counts)
        assert not [line for line in hidden if any(line in d for d in decoded)], student


def test_test_cells_stay_out_of_the_history_students_read(attacked_class):
    """A last cell that prints the cell history (``In``) compressed and base64-encoded: no hidden test
    line is in any output of the autograded notebook, encoded or not (test cells run without history)."""
    course, _, _, _ = attacked_class
    hidden = _hidden_lines(course)
    assert hidden
    graded = nbtools.read(course.folder / "work" / "autograded" / "a-print-history" / CHAPTER / f"{CHAPTER}.ipynb")
    printed = [o.get("text", "") for c in graded.cells if c.cell_type == "code" for o in c.outputs]
    assert any(len(t) > 100 for t in printed)  # the history was printed: only student cells are in it
    decoded = [d for t in printed for d in _decodings(t)]
    assert not [line for line in hidden if any(line in d for d in decoded)]


def test_the_wall_clock_limit_does_not_grow_with_the_cells_a_student_adds():
    """1000 added cells at the course's 300 s limit gave 312,540 s (87 h) of a held worker; the cells' share
    is now capped at max(1800 s, 6 x the cell limit). A small notebook keeps its per-cell sum."""
    from cnngrade.isolation import worker

    flood = {"kinds": ["setup"] + ["student"] * 1000 + ["test"] * 8, "timeout": 300}
    assert worker.wall_seconds(flood) == worker.STARTUP_SECONDS + 1800
    small = {"kinds": ["setup", "student", "test", "markdown"], "timeout": 10}
    assert worker.wall_seconds(small) == worker.STARTUP_SECONDS + 3 * (10 + worker.GRACE_SECONDS)


SHOWN = r"""
import json, os, sys
import cnnblocks, cnngrade
probe = json.loads(sys.argv[1])
print(json.dumps({"readable": [p for p in probe if os.path.exists(p)], "top": sorted(os.listdir("/"))}))
"""


def test_the_sandbox_shows_only_the_system_python_and_the_course_packages(tmp_path):
    """Red team A, round 3: the sandbox bound ``/`` read-only, so every file of the machine but the hidden
    course folders was readable: a backup or another clone of the course (its solutions), the course's own
    Makefile and docs. Now only the system folders, Python and ``src/`` are shown; the packages import."""
    _require_sandbox()
    backup = ROOT / ".sandbox-probe-clone"
    (backup / "solutions").mkdir(parents=True, exist_ok=True)
    try:
        probe = [str(backup / "solutions"), str(ROOT / "Makefile"), str(ROOT / "docs"), str(ROOT / "tests"),
                 str(ROOT.parent), "/srv", "/mnt", "/opt", "/var/lib", str(ROOT / "src" / "cnnblocks")]
        argv = sandbox.command([sys.executable, "-c", SHOWN, json.dumps(probe)], [tmp_path, ROOT], {})
        proc = subprocess.run(argv, capture_output=True, text=True)
    finally:
        import shutil

        shutil.rmtree(backup, ignore_errors=True)
    assert proc.returncode == 0, proc.stderr[-3000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    readable = set(result["readable"])
    assert str(ROOT / "src" / "cnnblocks") in readable, result
    assert not readable & {str(backup / "solutions"), str(ROOT / "Makefile"), str(ROOT / "docs"), str(ROOT / "tests"),
                           "/srv", "/mnt", "/var/lib"}, result
    assert set(result["top"]) <= {"bin", "sbin", "lib", "lib32", "lib64", "libx32", "usr", "etc", "sys", "dev", "proc",
                                  "tmp", "var", "home", "root", *(p.parts[1] for p in sandbox.mounts())}, result


def test_the_graders_environment_reaches_no_notebook(attacked_class):
    """Red team A, round 4: a-print-environment printed the sandbox's environment into its own notebook, and
    the grader's token was in it. Now no file of the graded class holds the token; the environment the
    notebook printed is there (the frameworks' variables)."""
    course, _, _, _ = attacked_class
    printed = json.dumps(course.autograded_notebook("a-print-environment", CHAPTER))
    assert "KERAS_BACKEND" in printed and "CNNGRADE_SANDBOXED" in printed
    leaked = [str(path) for path in course.folder.rglob("*") if path.is_file() and path.stat().st_size < 50 << 20
              and GRADER_TOKEN.encode() in path.read_bytes()]
    assert leaked == [], leaked
