"""Assertion helpers for test cells: each failure says what was expected, what was got, and why.

They accept NumPy arrays, PyTorch tensors and TensorFlow tensors alike (converted with ``to_numpy``),
raise ``AssertionError`` (so nbgrader records a failed test, not a crash of the grader) and print
nothing when they pass.

They trust no object a student's code returns. Before comparing, every value is converted to exact
built-in types (``int``, ``float``, ``str``, ``tuple``, a real ``np.ndarray``...) without calling a
method of the student's object: a value is accepted only when its type *is* one the helpers know
(``type(x) is int``, not ``isinstance``), and is read through functions of that known type (for a
tensor, ``torch.Tensor``'s own C methods called on the class, never ``x.detach()``). A subclass of a
known type (an ``int`` whose ``__eq__`` always says yes, an array whose subtraction gives zeros, a
tensor whose ``numpy()`` lies) is refused with a message that says so. The comparison then runs on
the converted values, expected on the trusted side:

* ``check_equal`` is type-strict: where an ``int`` is expected, a ``float`` (``17.0``) or a ``bool``
  is wrong; a NumPy integer scalar of an exact NumPy type counts as an ``int`` (``np.prod`` returns
  one), a NumPy ``bool_`` as a ``bool``; a ``tuple`` is expected where a ``tuple`` is expected;
* ``check_close`` and ``check_shape`` compare real NumPy arrays and shapes of plain ints.
"""
from __future__ import annotations

import sys
from types import MappingProxyType
from typing import Any, Sequence

import numpy as np

_type_mro = type.__dict__["__mro__"].__get__
_type_vars = type.__dict__["__dict__"].__get__
_type_module = type.__dict__["__module__"].__get__
_type_qualname = type.__dict__["__qualname__"].__get__
_NDARRAY = np.ndarray
_NP_DTYPE = np.dtype
_np_array = np.array
_np_isfinite = np.isfinite
_np_abs = np.abs
_np_argmax = np.argmax
_np_unravel_index = np.unravel_index

# NumPy scalar types read as Python numbers (``.item()`` of these types is NumPy's C code).
_NUMPY_INTS = frozenset((np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32, np.uint64,
                         np.intc, np.uintc, np.longlong, np.ulonglong))
_NUMPY_FLOATS = frozenset((np.float16, np.float32, np.float64, np.longdouble))
_NUMPY_COMPLEX = frozenset((np.complex64, np.complex128, np.clongdouble))
_NUMPY_SCALARS = _NUMPY_INTS | _NUMPY_FLOATS | _NUMPY_COMPLEX | {np.bool_}
_generic_item = np.generic.item
_PLAIN_SCALARS = (int, float, bool, complex, str, bytes, type(None))
_ARRAY_KINDS = "biufc"  # NumPy dtype kinds a numeric check reads: bool, int, uint, float, complex
_MAX_DEPTH = 32


class _Frameworks:
    """References to the frameworks' own classes and functions, taken the first time each framework is
    seen in ``sys.modules`` (in the grader: when this module is imported, before any student code ran),
    so that a module or method a student replaces later is not the one used here."""

    torch: Any = None
    tf: Any = None
    keras_layer: Any = None

    def load(self) -> None:
        if self.torch is None and "torch" in sys.modules:
            self._load_torch(sys.modules["torch"])
        if self.tf is None and "tensorflow" in sys.modules:
            self._load_tf(sys.modules["tensorflow"])
        if self.tf and self.keras_layer is None and "keras" in sys.modules:
            try:
                from keras.src.backend import Variable as KerasVariable

                self._load_keras_variable(KerasVariable)
                self._load_keras()
            except (ImportError, AttributeError, KeyError):
                self.keras_layer = False

    def _load_torch(self, torch) -> None:
        try:
            base = torch._C.TensorBase
            self.torch_ops = MappingProxyType({name: base.__dict__[name] for name in
                                               ("detach", "cpu", "resolve_conj", "resolve_neg", "numpy", "to", "to_dense")})
            self.torch_tensor_types = (torch.Tensor, torch.nn.Parameter)
            self.torch_size = torch.Size
            self.torch_dtype = torch.dtype
            self.torch_device = base.__dict__["device"].__get__
            self.torch_dtype_of = base.__dict__["dtype"].__get__
            self.torch_layout_of = base.__dict__["layout"].__get__
            self.torch_strided = torch.strided
            self.torch_float32 = torch.float32
            self.torch_modes = (torch._C._len_torch_function_stack, torch._C._len_torch_dispatch_stack)
            self.torch_module = torch.nn.Module
            # what a module's tables may hold: exact tensors and parameters (a lazy module's placeholders too)
            self.torch_table_types = (torch.Tensor, torch.nn.Parameter, torch.nn.parameter.UninitializedParameter,
                                      torch.nn.parameter.UninitializedBuffer)
            # PyTorch's own module classes (every nn.* class and its bases), to tell them from a student's
            self.torch_module_classes = frozenset(
                id(base) for value in vars(torch.nn).values() if isinstance(value, type) and issubclass(value, torch.nn.Module)
                for base in _type_mro(value))
            self.torch_module_dict = torch.nn.Module.__dict__["__dict__"].__get__  # the instance's real dict
            self.torch_numel = base.__dict__["numel"]
            self.torch_requires_grad = base.__dict__["requires_grad"].__get__
            self.torch_disable = torch._C.DisableTorchFunction
            self.torch_numpy_dtypes = frozenset((torch.bool, torch.uint8, torch.int8, torch.int16, torch.int32,
                                                 torch.int64, torch.float16, torch.float32, torch.float64,
                                                 torch.complex64, torch.complex128))
            self.torch = torch
        except (AttributeError, KeyError):  # a PyTorch without these internals: tensors are refused
            self.torch = False

    def _load_tf(self, tf) -> None:
        try:
            from tensorflow.python.framework import ops
            from tensorflow.python.ops import resource_variable_ops

            self.tf_eager = ops.EagerTensor
            self.tf_tensor = tf.Tensor
            # the C method itself: `_EagerTensorBase.numpy` calls `self._numpy()`, a Python method anyone can patch
            self.tf_eager_numpy = ops.EagerTensor.__dict__["_numpy_internal"]
            self.tf_variable = resource_variable_ops.ResourceVariable
            self.tf_read_value = resource_variable_ops.BaseResourceVariable.__dict__["read_value"]
            self.tf_shape = tf.TensorShape
            self.tf_shape_as_list = tf.TensorShape.__dict__["as_list"]
            self.tf_shape_rank = tf.TensorShape.__dict__["rank"].__get__
            self.tf_eager_shape = ops.EagerTensor.__dict__["_shape_tuple"]
            self.keras_variable = ()
            self.keras_layer = None
            if "keras" in sys.modules:
                try:
                    from keras.src.backend import Variable as KerasVariable

                    self._load_keras_variable(KerasVariable)
                    self._load_keras()
                except (ImportError, AttributeError, KeyError):
                    pass
            self.tf = tf
        except (ImportError, AttributeError, KeyError):
            self.tf = False


    def _load_keras_variable(self, variable_class: type) -> None:
        self.keras_variable = (variable_class,)
        self.keras_variable_dict = _class_attr(variable_class, "__dict__").__get__
        self.keras_value = _keras_stored_value

    def _load_keras(self) -> None:
        """Keras' own Layer class, its instance-dictionary reader and every class Keras defines a layer or
        model with (to tell them from a student's subclass)."""
        import keras
        from keras.src.layers.layer import Layer
        from keras.src.models.functional import Functional
        from keras.src.models.sequential import Sequential
        from keras.src.utils.tracking import TrackedList

        found = {Layer, Functional, Sequential, keras.Model}
        for namespace in (keras.layers, keras.models, keras):
            found.update(value for value in vars(namespace).values()
                         if isinstance(value, type) and Layer in _type_mro(value))
        self.keras_layer_classes = frozenset(id(base) for klass in found for base in _type_mro(klass))
        self.keras_containers = frozenset(id(klass) for klass in (Layer, keras.Model, Functional, Sequential))
        self.keras_layer_dict = _class_attr(Layer, "__dict__").__get__
        self.keras_lists = (list, TrackedList)
        self.keras_layer = Layer


def _keras_stored_value(variable: Any) -> Any:
    """The TensorFlow variable a Keras variable stores, read from its instance dictionary. Its ``value``
    property answers what an entered ``StatelessScope`` says (red team B, round 4: a scope subclass left entered
    by a student's function gave ``to_numpy(layer.moving_mean)`` the value a test wanted)."""
    own = _FRAMEWORKS.keras_variable_dict(variable)
    return own.get("_value") if type(own) is dict else None


def _class_attr(cls: type, name: str) -> Any:
    for klass in _type_mro(cls):
        if name in _type_vars(klass):
            return _type_vars(klass)[name]
    raise AttributeError(name)


_FRAMEWORKS = _Frameworks()
_FRAMEWORKS.load()


class _Refused(Exception):
    """A value the checks will not read; the message says why (turned into an AssertionError)."""


def _derives(cls: type, known: type) -> bool:
    """``issubclass(cls, known)`` read from the real MRO (no ``__subclasscheck__``, no metaclass code)."""
    return known in _type_mro(cls)


def _type_name(value: Any) -> str:
    cls = type(value)
    module, name = _type_module(cls), _type_qualname(cls)
    if type(module) is not str:
        module = "?"
    return name if module in ("builtins", "__main__") else f"{module}.{name}"


def _refuse_subclass(value: Any) -> None:
    """Raise ``_Refused`` naming the known type that ``value``'s class derives from."""
    cls = type(value)
    for known, plain in ((bool, "bool"), (int, "int"), (float, "float"), (complex, "complex"), (str, "str"),
                         (bytes, "bytes"), (tuple, "tuple"), (list, "list"), (dict, "dict"),
                         (np.ndarray, "np.ndarray"), (np.generic, "NumPy scalar")):
        if _derives(cls, known):
            raise _Refused(f"got a subclass of {plain} ({_type_name(value)}): return a plain {plain}")
    fw = _FRAMEWORKS
    if fw.torch and _derives(cls, fw.torch_tensor_types[0]):
        raise _Refused(f"got a subclass of torch.Tensor ({_type_name(value)}): return a plain torch.Tensor")
    if fw.tf and _derives(cls, fw.tf_tensor):
        raise _Refused(f"got an object of type {_type_name(value)}: return a plain tensor or NumPy array")
    raise _Refused(f"got an object of type {_type_name(value)}, which the checks do not read: return "
                   f"an int, float, str, tuple, list, dict, NumPy array or tensor")


def _no_shadowing(value: Any) -> None:
    """Refuse a library object whose instance dictionary hides an attribute of its class (an honest
    tensor or variable never carries its own ``numpy`` or ``_numpy``)."""
    try:
        own = object.__getattribute__(value, "__dict__")
    except AttributeError:
        return
    if type(own) is not dict:
        raise _Refused(f"got a {_type_name(value)} with a replaced __dict__")
    for key in list(own):
        if type(key) is not str or any(key in _type_vars(klass) for klass in _type_mro(type(value))):
            raise _Refused(f"got a {_type_name(value)} whose attribute {key!r} was replaced on the object itself")


def _torch_array(value: Any) -> np.ndarray:
    fw = _FRAMEWORKS
    _no_shadowing(value)
    function_modes, dispatch_modes = fw.torch_modes
    if function_modes() or dispatch_modes():
        raise _Refused("a PyTorch function or dispatch mode is active (something entered a mode and did not "
                       "leave it): the checks do not read tensors under a mode")
    ops = fw.torch_ops
    with fw.torch_disable():
        tensor = ops["detach"](value)
        if fw.torch_layout_of(tensor) is not fw.torch_strided:
            tensor = ops["to_dense"](tensor)
        if fw.torch_device(tensor).type != "cpu":
            tensor = ops["cpu"](tensor)
        tensor = ops["resolve_neg"](ops["resolve_conj"](tensor))
        if fw.torch_dtype_of(tensor) not in fw.torch_numpy_dtypes:  # bfloat16 and friends
            tensor = ops["to"](tensor, fw.torch_float32)
        array = ops["numpy"](tensor)
    if type(array) is not _NDARRAY:
        raise _Refused("the tensor did not give a NumPy array")
    return _np_array(array, copy=True)


def _tf_array(value: Any) -> np.ndarray:
    fw = _FRAMEWORKS
    _no_shadowing(value)
    if fw.keras_variable and type(value) is fw.keras_variable[0]:
        value = fw.keras_value(value)
        if type(value) not in (fw.tf_variable, fw.tf_eager):
            raise _Refused("the Keras variable does not hold a TensorFlow variable")
        _no_shadowing(value)
    if type(value) is fw.tf_variable:
        value = fw.tf_read_value(value)
        if type(value) is not fw.tf_eager:
            raise _Refused("the TensorFlow variable did not give a tensor")
        _no_shadowing(value)
    array = fw.tf_eager_numpy(value)
    if type(array) in _NUMPY_SCALARS:
        array = _np_array(array)
    if type(array) is not _NDARRAY:
        raise _Refused("the TensorFlow tensor did not give a NumPy array")
    return _np_array(array, copy=True)


def _is_tensor(value: Any) -> bool:
    fw = _FRAMEWORKS
    fw.load()
    cls = type(value)
    if fw.torch and cls in fw.torch_tensor_types:
        return True
    return bool(fw.tf) and (cls is fw.tf_eager or cls is fw.tf_variable or cls in fw.keras_variable)


def _array(value: Any, depth: int = 0) -> np.ndarray:
    """A real ``np.ndarray`` (a copy) of ``value``, or ``_Refused``: no method of ``value`` is called."""
    cls = type(value)
    if cls is _NDARRAY:
        if value.dtype.kind not in _ARRAY_KINDS:
            raise _Refused(f"got an array of dtype {value.dtype} (not numbers): return numbers")
        return _np_array(value, copy=True)
    if cls in _NUMPY_SCALARS or cls in (int, float, bool, complex):
        return _np_array(value)
    if _is_tensor(value):
        fw = _FRAMEWORKS
        try:
            return _torch_array(value) if fw.torch and cls in fw.torch_tensor_types else _tf_array(value)
        except _Refused:
            raise
        except Exception as err:  # noqa: BLE001 - a meta tensor, a symbolic tensor...: say why, as a failed check
            raise _Refused(f"could not read the {_type_name(value)} as numbers ({_type_name(err)}: "
                           f"{BaseException.__str__(err)[:200]})") from None
    if cls is list or cls is tuple or (_FRAMEWORKS.torch and cls is _FRAMEWORKS.torch_size):
        if depth > _MAX_DEPTH:
            raise _Refused("nested too deeply")
        items = [_array(item, depth + 1) for item in tuple.__iter__(value)] if cls is not list else \
            [_array(item, depth + 1) for item in list.copy(value)]
        try:
            array = _np_array(items) if items else _np_array([], dtype=np.float64)
        except ValueError as err:
            raise _Refused(f"the sequence is not a rectangular array of numbers ({err})") from None
        if array.dtype.kind not in _ARRAY_KINDS:
            raise _Refused("the sequence is not a rectangular array of numbers")
        return array
    _refuse_subclass(value)
    raise AssertionError("unreachable")  # pragma: no cover


def _plain(value: Any, depth: int = 0) -> Any:
    """``value`` as exact built-in types (recursively), or ``_Refused``; no method of ``value`` is called.

    Containers become their exact built-in kind (``torch.Size`` and ``tf.TensorShape`` become tuples),
    NumPy scalars of exact NumPy types become Python numbers (``np.int64`` -> ``int``, ``np.bool_`` ->
    ``bool``), ``torch.dtype`` objects stay as they are (the library's own singletons); arrays and
    tensors become ``np.ndarray`` copies.
    """
    if depth > _MAX_DEPTH:
        raise _Refused("nested too deeply")
    cls = type(value)
    if cls in _PLAIN_SCALARS:
        return value
    if cls in _NUMPY_SCALARS:
        return _generic_item(value)
    if cls is tuple:
        return tuple(_plain(item, depth + 1) for item in tuple.__iter__(value))
    if cls is list:
        return [_plain(item, depth + 1) for item in list.copy(value)]
    if cls is dict:
        return {_plain(k, depth + 1): _plain(v, depth + 1) for k, v in dict.items(value)}
    fw = _FRAMEWORKS
    fw.load()
    if fw.torch and cls is fw.torch_size:
        return tuple(_plain(item, depth + 1) for item in tuple.__iter__(value))
    if (fw.torch and cls is fw.torch_dtype) or cls is _NP_DTYPE or (_derives(cls, _NP_DTYPE) and _type_module(cls) == "numpy.dtypes"):
        return value  # the libraries' own dtype objects, compared by their C code
    if fw.tf and cls is fw.tf_shape:
        if fw.tf_shape_rank(value) is None:
            raise _Refused("got a TensorShape of unknown rank")
        return tuple(_plain(item, depth + 1) for item in fw.tf_shape_as_list(value))
    if cls is _NDARRAY or _is_tensor(value):
        return _array(value, depth)
    _refuse_subclass(value)
    raise AssertionError("unreachable")  # pragma: no cover


def _read(value: Any, what: str, hint: str, reader=_plain) -> Any:
    try:
        return reader(value)
    except _Refused as err:
        raise AssertionError(f"{what}: {err}.{_hint(hint)}") from None
    except RecursionError:
        raise AssertionError(f"{what}: the value is nested too deeply.{_hint(hint)}") from None


def to_numpy(value: Any) -> np.ndarray:
    """A NumPy copy of an array-like: NumPy array, PyTorch tensor (any device), TF tensor or variable,
    Keras variable, Python number or (nested) list/tuple of these.

    Only exact types are read (see the module's docstring): a subclass or an object of another type
    raises ``AssertionError`` saying what to return instead; no method of the object is called.
    """
    return _read(value, "to_numpy", "", _array)


def _hint(hint: str) -> str:
    return f"\nHint: {hint}" if hint else ""


def _shape(value: Any, what: str, hint: str) -> tuple:
    fw = _FRAMEWORKS
    fw.load()
    cls = type(value)
    if cls in (tuple, list) or (fw.torch and cls is fw.torch_size) or (fw.tf and cls is fw.tf_shape):
        shape = _read(value, what, hint)
        if any(type(n) is not int and n is not None for n in shape):
            bad = next(n for n in shape if type(n) is not int and n is not None)
            raise AssertionError(f"{what}: a shape holds ints, got {_type_name(bad)} {_show(bad)} in "
                                 f"{_show(tuple(shape))}.{_hint(hint)}")
        return tuple(shape)
    return _read(value, what, hint, _array).shape


def _module_items(module: Any, key: str, what: str) -> list:
    """The items of ``module._modules``, ``_parameters`` or ``_buffers`` read from the instance's own
    dictionary (no ``__getattr__``, no property of the student's class), as an exact ``dict``."""
    fw = _FRAMEWORKS
    try:
        own = fw.torch_module_dict(module)
    except TypeError:
        raise AssertionError(f"{what}: got a {_type_name(module)}, not a PyTorch nn.Module") from None
    table = own.get(key) if type(own) is dict else None
    if type(table) is not dict:
        raise AssertionError(f"{what}: the {_type_name(module)}'s {key} is not a plain dict (was it replaced?)")
    items = list(dict.items(table))
    if any(type(name) is not str for name, _ in items):
        raise AssertionError(f"{what}: the {_type_name(module)}'s {key} has a name that is not a plain str")
    return items


# What test cells read of a library layer (``m.bias is None``, ``m.kernel_size``, ``m.weight.shape``...): a
# subclass of nn.Conv2d (or any PyTorch layer) that defines one of these names itself (a property, a class
# attribute) answers for the layer's own state, which its forward need not use.
LAYER_STATE = frozenset({
    "weight", "bias", "kernel_size", "stride", "padding", "dilation", "groups", "in_channels", "out_channels",
    "padding_mode", "output_padding", "transposed", "running_mean", "running_var", "num_batches_tracked",
    "num_features", "eps", "momentum", "affine", "track_running_stats", "in_features", "out_features", "training",
    "num_groups", "num_channels", "ceil_mode", "count_include_pad", "output_size", "size", "alpha", "beta", "k",
    "p", "inplace", "return_indices", "divisor_override", "_parameters", "_buffers", "_modules"})
_ANSWERS_FOR_EVERY_NAME = ("__getattr__", "__getattribute__", "__class__")


def _lies_about_state(node: Any, what: str) -> None:
    """Refuse a module whose class (a student's subclass of a PyTorch layer) or instance dictionary answers for
    the state that test cells read: a ``bias`` property that says ``None`` while the layer keeps (and its
    forward uses) a bias, a ``__getattr__`` or ``__class__`` of its own, an instance attribute that hides a
    parameter. An honest subclass (its own forward, a ``fan_in`` property) passes."""
    fw = _FRAMEWORKS
    library = fw.torch_module_classes
    mro = _type_mro(type(node))
    first = next((klass for klass in mro if id(klass) in library), None)
    layer = first is not None and first is not fw.torch_module and _type_qualname(first) not in (
        "Sequential", "ModuleList", "ModuleDict")
    for klass in mro:
        if id(klass) in library or klass is object:
            continue
        for name in list(_type_vars(klass)):
            if name == "__class__":
                raise AssertionError(f"{what}: {_type_name(node)} defines `__class__` itself (its objects pass for "
                                     f"another class): the checks do not read it")
            if layer and (name in LAYER_STATE or name in _ANSWERS_FOR_EVERY_NAME):
                raise AssertionError(
                    f"{what}: {_type_name(node)} (a subclass of nn.{_type_qualname(first) if first else 'Module'}) defines "
                    f"`{name}` itself, which the tests read as the layer's own state: leave the layer's attributes "
                    f"to PyTorch (subclass nn.Module for a block of your own)")
    own = fw.torch_module_dict(node)
    if type(own) is dict:
        for key in ("_parameters", "_buffers", "_modules"):
            table = own.get(key)
            if type(table) is dict and key != "_modules":
                odd = [name for name, value in list(dict.items(table))
                       if value is not None and type(value) not in fw.torch_table_types]
                if odd:  # a Parameter subclass whose `shape` or `data` says what the test wants to read
                    raise AssertionError(f"{what}: a {key[1:-1]} is a {_type_name(table[odd[0]])} (`{odd[0]}` of "
                                         f"{_type_name(node)}): use nn.Parameter or a plain tensor")
            if type(table) is dict:
                hidden = [name for name in list(own) if type(name) is str and name in table]
                if hidden:
                    raise AssertionError(f"{what}: the {_type_name(node)}'s attribute `{hidden[0]}` hides its "
                                         f"entry in {key}: assign it as a module attribute (self.{hidden[0]} = ...)")


def named_modules_of(module: Any, what: str = "modules") -> list:
    """``[(name, module)]`` for every module of a PyTorch model, itself first (name ``""``), each once, with
    the dotted names and in the order ``nn.Module.named_modules`` gives.

    Read from the modules' own ``_modules`` dictionaries: no method of the student's classes runs, so an
    overridden ``modules()``, ``named_modules()`` or ``children()`` can neither hide nor invent a layer
    (``nn.Module.modules(block)`` calls ``block.named_modules()``, which a class can override).
    """
    fw = _FRAMEWORKS
    fw.load()
    if not fw.torch:
        raise AssertionError(f"{what}: PyTorch is not available")
    found: list = []
    seen: set = set()

    def visit(name: str, node: Any, depth: int) -> None:
        if not _derives(type(node), fw.torch_module):
            raise AssertionError(f"{what}: got a {_type_name(node)}, not a PyTorch nn.Module")
        if id(node) in seen:
            return
        if depth > 200:
            raise AssertionError(f"{what}: modules nested too deeply")
        seen.add(id(node))
        _lies_about_state(node, what)
        found.append((name, node))
        for key, child in _module_items(node, "_modules", what):
            if child is not None:
                visit(f"{name}.{key}" if name else key, child, depth + 1)

    visit("", module, 0)
    return found


def modules_of(module: Any, what: str = "modules") -> list:
    """Every module of a PyTorch model, itself first, each once: ``named_modules_of`` without the names."""
    return [node for _, node in named_modules_of(module, what)]


def _tensors_of(module: Any, key: str, what: str) -> list:
    """``[(dotted name, tensor)]`` from every module's own ``key`` table (``_parameters`` or ``_buffers``),
    each tensor once, in the order of ``nn.Module.named_parameters`` / ``named_buffers``."""
    fw = _FRAMEWORKS
    found: list = []
    seen: set = set()
    for prefix, node in named_modules_of(module, what):
        for name, tensor in _module_items(node, key, what):
            if tensor is None or id(tensor) in seen:
                continue
            if type(tensor) not in fw.torch_tensor_types:
                kind = "parameter" if key == "_parameters" else "buffer"
                raise AssertionError(f"{what}: a {kind} is a {_type_name(tensor)}: use nn.Parameter or a tensor")
            seen.add(id(tensor))
            found.append((f"{prefix}.{name}" if prefix else name, tensor))
    return found


def named_parameters_of(module: Any, what: str = "parameters") -> list:
    """``[(name, parameter)]`` as ``nn.Module.named_parameters`` gives them, read from the modules' own
    ``_parameters`` dictionaries (an overridden ``parameters()`` or ``named_parameters()`` is never
    called); each is an exact ``nn.Parameter`` or ``torch.Tensor``."""
    return _tensors_of(module, "_parameters", what)


def parameters_of(module: Any, what: str = "parameters") -> list:
    """Every parameter of a PyTorch model, each once: ``named_parameters_of`` without the names."""
    return [param for _, param in _tensors_of(module, "_parameters", what)]


def named_buffers_of(module: Any, what: str = "buffers") -> list:
    """``[(name, buffer)]`` as ``nn.Module.named_buffers`` gives them (running statistics...), read from
    the modules' own ``_buffers`` dictionaries."""
    return _tensors_of(module, "_buffers", what)


def state_of(module: Any, what: str = "state") -> dict:
    """``{name: tensor}`` with the keys of ``module.state_dict()`` (parameters and persistent buffers), read
    from the modules' own tables: an overridden ``state_dict()`` is never called. The tensors are the
    module's own (not detached copies): clone them to keep a snapshot."""
    state = dict(_tensors_of(module, "_parameters", what))
    for prefix, node in named_modules_of(module, what):
        skip = _FRAMEWORKS.torch_module_dict(node).get("_non_persistent_buffers_set", set())
        for name, buffer in _module_items(node, "_buffers", what):
            if buffer is not None and type(skip) is set and name not in skip:
                state[f"{prefix}.{name}" if prefix else name] = buffer
    return state


def count_parameters(module: Any, trainable_only: bool = False, what: str = "parameters") -> int:
    """``sum(p.numel() for p in module.parameters())`` without calling a method of the student's objects."""
    fw = _FRAMEWORKS
    return sum(fw.torch_numel(p) for p in parameters_of(module, what) if fw.torch_requires_grad(p) or not trainable_only)


def set_training(module: Any, mode: bool = True, what: str = "module") -> Any:
    """``module.train(mode)`` (``mode=False``: ``module.eval()``) without calling a method of the student's
    classes: sets ``training`` on every module ``modules_of`` finds, as ``nn.Module.train`` does, and returns
    ``module``. An overridden ``train()`` or ``eval()`` (a no-op, or one that returns another object) is never
    called; a class that defines ``training`` itself (a property that answers for the flag) is refused."""
    fw = _FRAMEWORKS
    nodes = modules_of(module, what)
    for node in nodes:
        for klass in _type_mro(type(node)):
            if id(klass) not in fw.torch_module_classes and "training" in _type_vars(klass):
                raise AssertionError(f"{what}: {_type_name(node)} defines `training` itself: leave the flag to "
                                     f"nn.Module (train() and eval() set it)")
    for node in nodes:
        own = fw.torch_module_dict(node)
        if type(own) is not dict:
            raise AssertionError(f"{what}: the {_type_name(node)}'s __dict__ is not a plain dict (was it replaced?)")
        own["training"] = bool(mode)
    return module


# What test cells read of a Keras model (its weights, their count, its layers): a student's Layer subclass that
# defines one of these names itself answers for Keras' own bookkeeping (a `weights` property that leaves a
# layer out, a `count_params` that says what the test wants), so the readers below refuse it.
KERAS_LISTINGS = frozenset({
    "weights", "trainable_weights", "non_trainable_weights", "variables", "trainable_variables",
    "non_trainable_variables", "count_params", "get_weights", "set_weights", "layers", "trainable", "built",
    "_trainable_variables", "_non_trainable_variables", "_layers", "_tracker", "_trainable", "_flatten_layers",
    "__getattr__", "__getattribute__", "__class__", "__dict__"})
# ...and what they read of a library layer (a Conv2D's kernel, a BatchNormalization's statistics), for a subclass
# of a Keras layer (not of Layer or Model themselves, whose subclasses are a student's own blocks).
KERAS_LAYER_STATE = frozenset({
    "kernel", "bias", "depthwise_kernel", "pointwise_kernel", "gamma", "beta", "moving_mean", "moving_variance",
    "filters", "kernel_size", "strides", "padding", "dilation_rate", "groups", "use_bias", "depth_multiplier",
    "epsilon", "momentum", "center", "scale", "axis", "units", "pool_size", "data_format", "activation",
    "_kernel", "_bias"})


def _keras_ready(what: str) -> Any:
    fw = _FRAMEWORKS
    fw.load()
    if not fw.tf or not fw.keras_layer:
        raise AssertionError(f"{what}: Keras (with TensorFlow) is not available")
    return fw


def _keras_own(layer: Any, what: str) -> dict:
    """The instance dictionary of a Keras layer whose class does not answer for Keras' bookkeeping."""
    fw = _FRAMEWORKS
    cls = type(layer)
    if not _derives(cls, fw.keras_layer):
        raise AssertionError(f"{what}: got a {_type_name(layer)}, not a Keras layer or model")
    mro = _type_mro(cls)
    first = next((klass for klass in mro if id(klass) in fw.keras_layer_classes), None)
    library_layer = first is not None and id(first) not in fw.keras_containers
    for klass in mro:
        if id(klass) in fw.keras_layer_classes or klass is object:
            continue
        for name in list(_type_vars(klass)):
            if name in KERAS_LISTINGS or (library_layer and name in KERAS_LAYER_STATE):
                kind = f"keras.layers.{_type_qualname(first)}" if library_layer else "a Keras layer"
                raise AssertionError(
                    f"{what}: {_type_name(layer)} (a subclass of {kind}) defines `{name}` itself, which the tests "
                    f"read from Keras' own bookkeeping: leave it to Keras (create weights with add_weight or "
                    f"as layer attributes)")
    own = fw.keras_layer_dict(layer)
    if type(own) is not dict:
        raise AssertionError(f"{what}: the {_type_name(layer)}'s __dict__ is not a plain dict (was it replaced?)")
    # methods an instance attribute would hide (`weights`, `layers`, `kernel`... are properties or a custom layer's
    # own state: `self.kernel = self.add_weight(...)`, `self.layers = [...]` are honest)
    for key in ("count_params", "get_weights", "set_weights"):
        if key in own:
            raise AssertionError(f"{what}: the {_type_name(layer)}'s attribute `{key}` was replaced on the object "
                                 f"itself: the checks do not read it")
    return own


def _keras_list(own: dict, key: str, layer: Any, what: str) -> list:
    value = own.get(key, [])
    if type(value) not in _FRAMEWORKS.keras_lists:
        raise AssertionError(f"{what}: the {_type_name(layer)}'s {key} is not Keras' own list (was it replaced?)")
    return list.copy(value)


def keras_layers_of(model: Any, what: str = "layers") -> list:
    """Every layer of a Keras model or layer, itself first, each once, in the order of Keras'
    ``Layer._flatten_layers()`` (nested models and a student's own layers included).

    Read from the layers' own ``_layers`` lists (what Keras tracked when each sub-layer was assigned): no method
    or property of the student's classes runs, so an overridden ``layers`` cannot hide or invent a layer; a
    subclass that answers for Keras' bookkeeping (``weights``, ``count_params``, ``layers``... or, for a subclass
    of a Keras layer, ``kernel``, ``bias``, ``filters``...) is refused."""
    _keras_ready(what)
    _keras_own(model, what)
    found, seen = [model], {id(model)}
    pending = _keras_list(_keras_own(model, what), "_layers", model, what)
    while pending:
        layer = pending.pop(0)
        if id(layer) in seen:
            continue
        if len(found) > 100_000:
            raise AssertionError(f"{what}: too many layers")
        own = _keras_own(layer, what)
        seen.add(id(layer))
        found.append(layer)
        pending[:0] = _keras_list(own, "_layers", layer, what)[::-1]  # Keras' deque.extendleft
    return found


def _keras_variable_shape(variable: Any, what: str) -> tuple:
    """The shape of the value a Keras variable really holds (TensorFlow's C code, not the variable's ``_shape``,
    which is a plain attribute); refuses a variable whose ``shape`` would say something else."""
    fw = _FRAMEWORKS
    if type(variable) is not fw.keras_variable[0]:
        raise AssertionError(f"{what}: a weight is a {_type_name(variable)}, not a Keras variable (use add_weight)")
    try:
        _no_shadowing(variable)
        value = fw.keras_value(variable)
        if type(value) is fw.tf_variable:
            _no_shadowing(value)
            value = fw.tf_read_value(value)
        if type(value) is not fw.tf_eager:
            raise _Refused(f"a {_type_name(variable)} holds a {_type_name(value)}")
        shape = fw.tf_eager_shape(value)
    except _Refused as err:
        raise AssertionError(f"{what}: {err}") from None
    if type(shape) is not tuple or any(type(n) is not int for n in shape):
        raise AssertionError(f"{what}: a Keras variable without a known shape")
    said = fw.keras_variable_dict(variable).get("_shape")
    if type(said) is not tuple or said != shape:
        raise AssertionError(f"{what}: a Keras variable says its shape is {_show(said)} but holds {shape}")
    return shape


def keras_weights_of(layer: Any, trainable_only: bool = False, recursive: bool = True, what: str = "weights") -> list:
    """The variables of ``layer.weights`` (``trainable_only``: ``layer.trainable_weights``), each once, in
    Keras' order: the layer's own, then each sub-layer's (``recursive=False``: its own only).

    Read from each layer's own ``_trainable_variables`` / ``_non_trainable_variables`` lists (``keras_layers_of``
    explains what is refused); each is an exact Keras variable whose ``shape`` is the shape of the value it
    holds, so ``v.shape``, ``to_numpy(v)`` and ``v.assign(...)`` are Keras' own."""
    fw = _keras_ready(what)
    found: list = []
    seen: set = set()
    visited: set = set()

    def own_variables(node: Any) -> None:
        own = _keras_own(node, what)
        for key in ("_trainable_variables", "_non_trainable_variables"):
            for variable in _keras_list(own, key, node, what):
                if id(variable) not in seen:
                    _keras_variable_shape(variable, what)
                    seen.add(id(variable))
                    found.append(variable)

    def visit(node: Any, depth: int) -> None:
        if id(node) in visited:
            return
        if depth > 200:
            raise AssertionError(f"{what}: layers nested too deeply")
        visited.add(id(node))
        own_variables(node)
        if recursive:
            for sub in _keras_list(_keras_own(node, what), "_layers", node, what):
                visit(sub, depth + 1)

    visit(layer, 0)
    if trainable_only:
        if fw.keras_layer_dict(layer).get("_trainable", True) is not True:
            return []
        found = [v for v in found if fw.keras_variable_dict(v).get("_trainable") is True]
    return found


def count_keras_params(model: Any, trainable_only: bool = False, what: str = "parameters") -> int:
    """``model.count_params()`` (``trainable_only``: the size of ``model.trainable_weights``) counted from the
    values Keras' own variable lists hold (see ``keras_weights_of``): a subclass that overrides
    ``count_params``, ``weights`` or ``trainable_weights``, or a variable whose ``_shape`` lies, cannot change it."""
    total = 0
    for variable in keras_weights_of(model, trainable_only, True, what):
        size = 1
        for n in _keras_variable_shape(variable, what):
            size *= n
        total += size
    return total


def check_shape(actual: Any, expected: Sequence[int], what: str = "output", hint: str = "") -> None:
    """Assert ``actual`` (array, tensor, or a shape: tuple, list, ``torch.Size``) has shape ``expected``."""
    shape = _shape(actual, what, hint)
    expected = _shape(expected, what, "")
    if shape != expected:
        raise AssertionError(f"{what}: expected shape {expected}, got {shape}.{_hint(hint)}")


def check_close(
    actual: Any, expected: Any, atol: float = 1e-5, rtol: float = 1e-5, what: str = "output", hint: str = ""
) -> None:
    """Assert two arrays have the same shape and agree within ``atol + rtol * |expected|``.

    The message reports the largest absolute difference and where it is, so a student can tell an
    off-by-one window from a rounding error.
    """
    a, e = _read(actual, what, hint, _array), _read(expected, what, "", _array)
    # complex values compare as complex (a cast to float64 dropped the imaginary part of either side)
    kind = np.complex128 if "c" in (a.dtype.kind, e.dtype.kind) else np.float64
    a, e = a.astype(kind), e.astype(kind)
    if a.shape != e.shape:
        raise AssertionError(f"{what}: expected shape {e.shape}, got {a.shape}.{_hint(hint)}")
    if not _np_isfinite(e).all():  # a reference built from the student's own weights (a NaN bias...)
        raise AssertionError(f"{what}: the reference output could not be computed (it contains NaN or inf; "
                             f"are all of your parameters finite?).{_hint(hint)}")
    if not _np_isfinite(a).all():
        raise AssertionError(f"{what}: contains NaN or inf.{_hint(hint)}")
    diff = _np_abs(a - e)
    bad = diff > atol + rtol * _np_abs(e)
    if bad.any():
        where = _np_unravel_index(int(_np_argmax(diff)), diff.shape) if diff.ndim else ()
        raise AssertionError(
            f"{what}: {int(bad.sum())} of {bad.size} values differ; largest difference {diff.max():.3g} "
            f"at index {tuple(int(i) for i in where)} (got {a[where]:.6g}, expected {e[where]:.6g}; "
            f"tolerance atol={atol:g}, rtol={rtol:g}).{_hint(hint)}"
        )


def _kind(value: Any) -> str:
    cls = type(value)
    return "NumPy array" if cls is _NDARRAY else _type_name(value)


SHOWN_CHARS = 80  # a student's value is quoted up to this many characters in a message


def _show(value: Any) -> str:
    """``repr(value)`` cut to ``SHOWN_CHARS`` characters: a message must not carry what a student's
    value smuggles out (the hidden test, encoded in a returned string, would reach the feedback)."""
    try:
        text = repr(value)
    except Exception:  # noqa: BLE001 - a value that cannot be printed
        return f"<a {_type_name(value)} that cannot be printed>"
    if type(text) is not str:
        return f"<a {_type_name(value)}>"
    return text if len(text) <= SHOWN_CHARS else f"{text[:SHOWN_CHARS - 20]}... ({len(text)} characters)"


def _mismatch(actual: Any, expected: Any, path: str) -> str:
    """Why the converted ``actual`` differs from ``expected`` ("" when equal): both are plain values."""
    where = f" at {path}" if path else ""
    e_cls, a_cls = type(expected), type(actual)
    if e_cls is float:
        if a_cls not in (int, float) or actual != expected:
            return f"expected {expected!r}, got {_kind(actual)} {_show(actual)}{where}" if a_cls not in (int, float) \
                else f"expected {expected!r}, got {_show(actual)}{where}"
        return ""
    if e_cls is _NDARRAY:
        if a_cls is not _NDARRAY:
            return f"expected an array, got {_kind(actual)} {_show(actual)}{where}"
        if actual.shape != expected.shape or not bool((actual == expected).all()):
            return f"expected {expected.tolist()!r}, got {_show(actual.tolist())}{where}"
        return ""
    if _derives(e_cls, _NP_DTYPE) and _derives(a_cls, _NP_DTYPE):  # one class per NumPy dtype
        return "" if actual == expected else f"expected {expected!r}, got {_show(actual)}{where}"
    if a_cls is not e_cls:
        return f"expected {_kind(expected)} {expected!r}, got {_kind(actual)} {_show(actual)}{where}"
    if e_cls in (tuple, list):
        if len(actual) != len(expected):
            return f"expected {expected!r} ({len(expected)} items), got {_show(actual)} ({len(actual)} items){where}"
        for i, (a, e) in enumerate(zip(actual, expected)):
            why = _mismatch(a, e, f"{path}[{i}]")
            if why:
                return why if path else f"expected {expected!r}, got {_show(actual)} ({why})"
        return ""
    if e_cls is dict:
        if set(actual) != set(expected):
            return f"expected keys {sorted(map(repr, expected))}, got {_show(sorted(map(repr, actual)))}{where}"
        for key in expected:
            why = _mismatch(actual[key], expected[key], f"{path}[{key!r}]")
            if why:
                return why if path else f"expected {expected!r}, got {_show(actual)} ({why})"
        return ""
    if actual != expected:  # two plain scalars of one exact type, or two torch dtypes
        return f"expected {expected!r}, got {_show(actual)}{where}"
    return ""


def check_equal(actual: Any, expected: Any, what: str = "value", hint: str = "") -> None:
    """Assert ``actual == expected`` for plain Python values (ints, tuples, strings, lists, dicts).

    Type-strict: an ``int`` is expected where the expected value is an ``int`` (``17.0`` and ``True``
    are wrong; a NumPy integer scalar counts), a ``tuple`` where it is a ``tuple``, and so on.
    """
    plain_expected = _read(expected, what, "")
    plain_actual = _read(actual, what, hint)
    why = _mismatch(plain_actual, plain_expected, "")
    if why:
        raise AssertionError(f"{what}: {why}.{_hint(hint)}")


def _describe_error(err: BaseException) -> str:
    try:
        text = BaseException.__str__(err)
        return text if type(text) is str else ""
    except Exception:  # noqa: BLE001 - a student's exception that cannot even be printed
        return "<an exception whose message cannot be read>"


def check_raises(exception: type[BaseException], func, *args: Any, what: str = "", hint: str = "", **kwargs: Any) -> None:
    """Assert ``func(*args, **kwargs)`` raises ``exception`` (or a subclass of it).

    ``except exception`` matches by the raised object's real class (Python's ``except`` does not consult
    ``__instancecheck__``); the message for a wrong exception reads it without the student's ``__str__``.
    """
    if what:
        call = what
    else:
        name = getattr(func, "__name__", "call")
        call = f"{name if type(name) is str else 'call'}{_show(args)}"
    try:
        func(*args, **kwargs)
    except exception:
        return
    except Exception as err:  # noqa: BLE001 - we report the wrong exception type
        raise AssertionError(
            f"{call}: expected {exception.__name__}, got {_type_name(err)}: {_describe_error(err)[:SHOWN_CHARS]}.{_hint(hint)}"
        ) from None
    raise AssertionError(f"{call}: expected {exception.__name__}, but nothing was raised.{_hint(hint)}")
