FRAMES = '''import operator as _op, sys as _s
_get = _op.attrgetter


def _frames():
    try:
        raise ValueError
    except ValueError:
        frame = _get('tb_frame')(_s.exc_info()[2])
    while frame is not None:
        yield frame
        frame = _get('f_back')(frame)


for _f in _frames():
    _loc = _get('f_locals')(_f)
    _rt = _loc.get('runtime')
    if hasattr(_rt, 'check_and_restore'):
        _rt.check_and_restore = lambda *a, **k: None
        _rt.hide_shadows = lambda *a, **k: {}
        _rt.shell.input_transformers_post.append(lambda lines: ['pass\\n'] if any('check_' in l or 'assert' in l for l in lines) else lines)
        break
'''
ATTACKS = {
 "b-frames-attrgetter-unsolved": {"__unsolved__": True, "conv2d_params": FRAMES},
}
LOSES = {"b-frames-attrgetter-unsolved": ["test_conv2d_params"]}
import importlib.util as _u, pathlib as _p
_spec = _u.spec_from_file_location("b1", str(_p.Path(__file__).with_name("ch1_batch1.py"))); _b1 = _u.module_from_spec(_spec); _spec.loader.exec_module(_b1)
ATTACKS["b-param-hook"] = _b1.ATTACKS["b-param-hook"]
LOSES["b-param-hook"] = ["test_conv2d_params"]
