"""Keep test cells honest inside the process that runs a student's notebook.

A test cell calls helpers (``check_close``, ``torch.allclose``, ``np.testing``...) that live in the same
Python process as the student's code, so a student cell can redefine or patch them. Two layers:

* ``RuntimeGuard`` snapshots, after the setup cells ran, every object that test cells rely on: the
  bindings of the user namespace that setup cells made, the dictionaries of the modules and classes
  tests call into, the code objects of the ``cnnblocks.checks`` helpers and of the setup cells'
  functions, IPython's execution hooks (input/AST transformers, custom exception handlers, event
  callbacks) and the trace/profile hooks. Before and after every test cell it compares, restores what
  changed and records why; an audit hook refuses any write to the protected functions' code at the
  moment it is tried. Restoring makes the test run with the real helpers; the record flags the
  submission for the instructor.
* ``static_flags`` reads the student's cells (AST, no execution) for constructs that an honest
  solution has no reason to use: touching ``sys.modules`` or ``builtins``, assigning attributes of
  imported modules, ``gc`` / ``inspect`` / ``ctypes``, frames (``sys._getframe``, ``f_back``,
  ``tb_frame``...), threads, reading files outside the working folder (``open``, ``io.FileIO``,
  ``os.open``, ``pathlib``, ``/proc``), the gradebook, ``sqlite3``, subprocesses, signals,
  ``os._exit``, classes that pass for plain values (an ``int`` subclass, an ``__eq__``, an
  ``__array__``), and such names built as strings (``getattr(f, 'f_' + 'locals')``).

Code in the same process can always defeat an in-process guard (the student owns the process), which
is why the second layer exists and why the sandbox (``cnngrade.isolation.sandbox``) keeps the instructor's files
and other students out of reach whatever the student's code does.
"""
from __future__ import annotations

import ast
import functools
import sys
import types
from dataclasses import dataclass
from typing import Any, Iterable

# The static name analyses live in cnngrade.analysis.names; the worker still reaches them as guard.* (phase 2).
from ..analysis.names import (bound_names, free_reads, import_names, parse_cell, read_names,  # noqa: F401
                              without_magics)

# Modules and classes whose attributes test cells depend on (directly or through the checks).
GUARDED_MODULES = (
    "builtins", "math", "numpy", "numpy.testing", "numpy.linalg", "cnnblocks", "cnnblocks.checks",
    "cnnblocks.counting", "cnnblocks.env", "cnnblocks.diagrams", "cnnblocks.segmentation_data",
    "cnnblocks.plotting", "torch", "torch.nn", "torch.nn.functional", "torch.testing", "torch.utils.flop_counter",
    "keras", "keras.ops", "keras.layers", "tensorflow", "torch.nn.modules.module", "torch.nn.init",
    "torch.utils", "torch.utils._python_dispatch",
)
# Classes test cells construct or call (grep of the solutions' test cells): their class dictionaries.
GUARDED_CLASSES = (
    ("torch", "Tensor"), ("torch._C", "TensorBase"), ("torch.nn", "Parameter"), ("torch.nn", "Module"),
    ("torch.nn", "Sequential"), ("torch.nn", "ModuleList"), ("torch.nn", "ModuleDict"), ("torch.nn", "Conv1d"),
    ("torch.nn", "Conv2d"), ("torch.nn", "Conv3d"), ("torch.nn", "ConvTranspose2d"), ("torch.nn", "BatchNorm2d"),
    ("torch.nn", "Linear"), ("torch.nn", "ReLU"), ("torch.nn", "Identity"), ("torch.nn", "MaxPool2d"),
    ("torch.nn", "AvgPool2d"), ("torch.nn", "AdaptiveAvgPool2d"), ("torch.nn", "LocalResponseNorm"),
    ("torch.nn", "GroupNorm"), ("torch.nn", "InstanceNorm2d"), ("torch.nn", "Flatten"), ("torch.nn", "Dropout"),
    ("torch.utils.flop_counter", "FlopCounterMode"), ("numpy", "ndarray"),
    # base classes whose methods the guarded classes inherit (Conv2d.__init__ is _ConvNd's...)
    ("torch.nn.modules.conv", "_ConvNd"), ("torch.nn.modules.batchnorm", "_NormBase"),
    ("torch.nn.modules.batchnorm", "_BatchNorm"), ("torch.nn.modules.pooling", "_MaxPoolNd"),
    ("torch.nn.modules.pooling", "_AvgPoolNd"), ("torch.nn.modules.pooling", "_AdaptiveAvgPoolNd"),
    ("torch.nn.modules.container", "Sequential"),
    ("keras", "Layer"), ("keras", "Model"), ("keras", "Sequential"), ("keras.layers", "Conv2D"),
    ("keras.layers", "DepthwiseConv2D"), ("keras.layers", "BatchNormalization"), ("keras.layers", "Dense"),
    ("keras.layers", "MaxPooling2D"), ("keras.layers", "AveragePooling2D"),
    # what the checks read TensorFlow and Keras values through (to_numpy: EagerTensor.numpy -> _numpy)
    ("tensorflow.python.framework.ops", "EagerTensor"), ("tensorflow.python.framework.ops", "_EagerTensorBase"),
    ("tensorflow.python.ops.resource_variable_ops", "ResourceVariable"), ("keras.src.backend", "Variable"),
    # what FlopCounterMode counts with (a test cell's record of the operators a solution ran)
    ("torch.utils.flop_counter", "_FlopCounterMode"), ("torch.utils._python_dispatch", "TorchDispatchMode"),
    ("torch.overrides", "TorchFunctionMode"),
)
# Every class of a guarded class's MRO is guarded too (red team B, round 3: keras.layers.Conv2D's `call` is
# BaseConv's, FlopCounterMode's `__enter__` is TorchDispatchMode's: patched there, unguarded, the test ran
# with them). Builtin types cannot be patched and are left out.
_UNPATCHABLE = (object, type)


@dataclass
class Flag:
    """Something a submission did that an honest solution has no reason to do."""

    kind: str  # "patched", "rebound", "static", "file", "audit"
    detail: str
    cell: str = ""

    def __str__(self) -> str:
        where = f" (cell {self.cell})" if self.cell else ""
        return f"{self.kind}: {self.detail}{where}"


def _shell_hooks(shell) -> dict[str, Any]:
    """IPython state that decides what a cell runs and how its errors are reported."""
    itm = shell.input_transformer_manager
    return {
        "input_transformers_cleanup": list(shell.input_transformers_cleanup),
        "input_transformers_post": list(shell.input_transformers_post),
        "itm.cleanup_transforms": list(itm.cleanup_transforms),
        "itm.line_transforms": list(itm.line_transforms),
        "itm.token_transformers": list(itm.token_transformers),
        "ast_transformers": list(shell.ast_transformers),
        "custom_exceptions": shell.custom_exceptions,
        "events": {name: list(cbs) for name, cbs in shell.events.callbacks.items()},
        "instance_dict": {k: v for k, v in vars(shell).items()
                          if k in ("run_cell", "run_cell_async", "run_code", "run_ast_nodes", "showtraceback",
                                   "_showtraceback", "showsyntaxerror", "CustomTB", "InteractiveTB",
                                   "SyntaxTB", "displayhook", "display_pub", "excepthook")},
        "class_dict": dict(vars(type(shell))),
    }


CODE_ATTRIBUTES = ("__code__", "__defaults__", "__kwdefaults__")
# Tables of handlers the kernel dispatches through (a dict whose entries a student could replace).
_HANDLER_TABLES = ("shell_handlers", "control_handlers")
# traitlets values that are code deciding what a message carries (others, such as the kernel's
# saved_sigint_handler, change with every cell).
_CODE_TRAITS = ("pack", "unpack")


def _machinery(shell, extra: dict[str, Any]) -> dict[str, Any]:
    """The objects that carry a test cell's code and its result: the kernel, its sessions, sockets and
    publishers, the shell's displayhook and display publisher, and what the caller adds (the in-process
    client, its channels and their queues). Labelled, each object once."""
    kernel = getattr(shell, "kernel", None)
    found: dict[str, Any] = {"shell.displayhook": shell.displayhook, "shell.display_pub": shell.display_pub}
    for owner in ("displayhook", "display_pub"):
        found[f"shell.{owner}.session"] = getattr(getattr(shell, owner), "session", None)
        found[f"shell.{owner}.pub_socket"] = getattr(getattr(shell, owner), "pub_socket", None)
    if kernel is not None:
        found["kernel"] = kernel
        for attr in ("session", "shell_stream", "iopub_socket", "iopub_thread", "control_stream"):
            found[f"kernel.{attr}"] = getattr(kernel, attr, None)
    for label, obj in list(extra.items()):
        found[label] = obj
        for attr in ("session", "shell_channel", "iopub_channel"):
            sub = getattr(obj, attr, None) if label == "client" else None
            if sub is not None:
                found[f"{label}.{attr}"] = sub
                queue = getattr(sub, "_in_queue", None)
                if queue is not None:
                    found[f"{label}.{attr}._in_queue"] = queue
    seen: set[int] = set()
    unique = {}
    for label, obj in found.items():
        if obj is not None and id(obj) not in seen and not isinstance(obj, (int, float, str, bytes)):
            seen.add(id(obj))
            unique[label] = obj
    return unique


def _watched(obj: Any, key: str, value: Any) -> bool:
    """An instance attribute that is code: one that hides a class attribute (``kernel.do_execute``,
    ``session.send``) or a Python function or method put on the object. Saved state such as the kernel's
    ``saved_sigint_handler`` (a handler it swaps around every cell) is data."""
    if key.startswith("saved_"):
        return False
    code_kinds = (types.FunctionType, staticmethod, classmethod, property)
    if any(isinstance(vars(klass).get(key), code_kinds) for klass in type(obj).__mro__ if klass is not object):
        return True
    return isinstance(value, (types.FunctionType, types.MethodType, functools.partial))


def _machinery_state(obj: Any) -> dict[str, Any]:
    """What of ``obj`` decides behaviour: the code in its instance dict and traitlets values, its
    handler tables (copied), and the dictionaries of the classes of its MRO."""
    inst = getattr(obj, "__dict__", {})
    traits = inst.get("_trait_values", {}) if isinstance(inst.get("_trait_values"), dict) else {}
    return {
        "instance": {k: v for k, v in inst.items() if _watched(obj, k, v)},
        "tables": {k: dict(inst[k]) for k in _HANDLER_TABLES if isinstance(inst.get(k), dict)},
        "traits": {k: v for k, v in traits.items() if k in _CODE_TRAITS},
        "classes": [(klass, dict(vars(klass))) for klass in type(obj).__mro__ if klass is not object],
    }


class RuntimeGuard:
    """Snapshot after the setup cells; ``check_and_restore`` before and after each test cell.

    The worker calls, for every test cell::

        guard.check_and_restore(grade_id)                                      # before it runs
        ... the test cell runs ...
        guard.check_and_restore(grade_id, when="after", rebinds=bound_names(source))

    Before: what a student cell changed is restored, so the test runs with the real helpers. After:
    what changed *during* the test cell (student code that the test called) is restored and flagged
    too, so that a change undone before the next test cell is still seen; ``rebinds`` are the names
    the test cell itself assigns (accepted, not flagged).

    A change made and undone inside one call (a helper's ``__code__`` swapped by the student's
    function, swapped back by the fake code when it ran) is invisible to snapshots taken before and
    after. ``snapshot`` therefore also installs an audit hook (``sys.addaudithook``: it cannot be
    removed) that refuses, with ``PermissionError``, any write to ``__code__``, ``__defaults__`` or
    ``__kwdefaults__`` of a protected function (every function of ``cnnblocks``, and every function a
    setup cell bound that test cells use) and flags the attempt, from the first student cell to the end.
    """

    def __init__(self, shell, machinery: dict[str, Any] | None = None):
        self.shell = shell
        self.extra_machinery = dict(machinery or {})
        self.flags: list[Flag] = []
        self._seen: set[str] = set()
        self.cell = ""
        self._audit_installed = False

    def snapshot(self, setup_names: Iterable[str]) -> None:
        ns = self.shell.user_ns
        self.user = {name: ns[name] for name in setup_names if name in ns}
        self.modules = {name: sys.modules[name] for name in GUARDED_MODULES if name in sys.modules}
        self.module_dicts = {name: dict(vars(mod)) for name, mod in self.modules.items()}
        # Registries that libraries keep as module-level dicts and change in place: PyTorch's global module
        # hooks (``register_module_forward_hook``, ``register_module_parameter_registration_hook``...) run
        # on every module the test builds, the reference's included.
        self.registries = {f"{name}.{attr}": (value, dict(value)) for name, mod in self.modules.items()
                           for attr, value in vars(mod).items() if attr.startswith("_global_") and isinstance(value, dict)}
        # Kernels registered from Python (torch.library.Library(...).impl): "aten/relu/CPU" replaces what
        # F.relu computes, for the test's reference too. PyTorch itself adds Meta kernels lazily.
        library = sys.modules.get("torch.library")
        impls = vars(library).get("_impls") if library is not None else None
        self.kernels = (impls, set(impls)) if isinstance(impls, set) else None
        self.classes = {}
        seen: set[int] = set()
        for mod, cls in GUARDED_CLASSES:
            if mod in sys.modules and isinstance(vars(sys.modules[mod]).get(cls), type):
                klass = vars(sys.modules[mod])[cls]
                for base in type.__dict__["__mro__"].__get__(klass):
                    if id(base) in seen or base in _UNPATCHABLE:
                        continue
                    seen.add(id(base))
                    label = f"{mod}.{cls}" if base is klass else \
                        f"{type.__dict__['__module__'].__get__(base)}.{type.__dict__['__qualname__'].__get__(base)}"
                    self.classes[label] = (base, dict(vars(base)))
        self.codes = {}
        for name, mod in self.modules.items():
            if name.startswith("cnnblocks"):
                for attr, fn in vars(mod).items():
                    if isinstance(fn, types.FunctionType) and fn.__module__ == name:
                        self.codes[f"{name}.{attr}"] = (fn, fn.__code__, fn.__defaults__, fn.__kwdefaults__)
        for name, fn in self.user.items():
            if type(fn) is types.FunctionType and all(fn is not saved[0] for saved in self.codes.values()):
                self.codes[name] = (fn, fn.__code__, fn.__defaults__, fn.__kwdefaults__)
        self.hooks = _shell_hooks(self.shell)
        self.machinery = {label: (obj, _machinery_state(obj))
                          for label, obj in _machinery(self.shell, self.extra_machinery).items()}
        checks = sys.modules.get("cnnblocks.checks")
        frameworks = getattr(checks, "_FRAMEWORKS", None)
        self.frameworks = (frameworks, dict(vars(frameworks))) if frameworks is not None else None
        self.trace = (sys.gettrace(), sys.getprofile())
        self._protect_code()

    def _check_machinery(self, during: str, cell: str) -> None:
        """Put back the kernel's, its sessions' and publishers' code (instance, traitlets values, handler
        tables, class dictionaries): what turns a test cell's error into its reply and its outputs."""
        done: set[int] = set()
        for label, (obj, saved) in self.machinery.items():
            inst = getattr(obj, "__dict__", {})
            changed = []
            for key in set(saved["instance"]) | {k for k, v in inst.items() if _watched(obj, k, v)}:
                if inst.get(key, _MISSING) is not saved["instance"].get(key, _MISSING):
                    changed.append(key)
                    if key in saved["instance"]:
                        inst[key] = saved["instance"][key]
                    else:
                        del inst[key]
            for key, table in saved["tables"].items():
                now = inst.get(key)
                if not isinstance(now, dict) or now.keys() != table.keys() or any(now[k] is not v for k, v in table.items()):
                    changed.append(key)
                    if isinstance(now, dict):
                        now.clear()
                        now.update(table)
                    else:
                        inst[key] = dict(table)
            traits = inst.get("_trait_values")
            if isinstance(traits, dict):
                for key in set(saved["traits"]) | {k for k in traits if k in _CODE_TRAITS}:
                    if traits.get(key, _MISSING) is not saved["traits"].get(key, _MISSING):
                        changed.append(key)
                        if key in saved["traits"]:
                            traits[key] = saved["traits"][key]
                        else:
                            del traits[key]
            for klass, klass_saved in saved["classes"]:
                if id(klass) in done:
                    continue
                done.add(id(klass))
                current = vars(klass)
                for attr in set(klass_saved) | set(current):
                    if current.get(attr, _MISSING) is klass_saved.get(attr, _MISSING):
                        continue
                    changed.append(f"{klass.__name__}.{attr}")
                    try:
                        if attr in klass_saved:
                            setattr(klass, attr, klass_saved[attr])
                        else:
                            delattr(klass, attr)
                    except (AttributeError, TypeError):
                        pass
            if changed:
                self._flag("patched", f"the kernel's machinery (`{label}`: {', '.join(sorted(changed)[:5])}) was changed{during}", cell)
        if self.frameworks is not None:
            obj, saved = self.frameworks
            current = vars(obj)
            changed = [k for k in set(saved) | set(current) if current.get(k, _MISSING) is not saved.get(k, _MISSING)]
            late = [k for k in changed if k not in saved and k.startswith(("tf", "keras"))]  # TensorFlow loaded later
            for key in late:
                saved[key] = current[key]
            changed = [k for k in changed if k not in late]
            for key in changed:
                if key in saved:
                    current[key] = saved[key]
                else:
                    del current[key]
            if changed:
                self._flag("patched", f"`cnnblocks.checks._FRAMEWORKS` ({', '.join(sorted(changed)[:5])}) was changed{during}", cell)

    def _protect_code(self) -> None:
        """Install (once) the audit hook that refuses writes to the protected functions' code."""
        self._protected = {id(fn): label for label, (fn, *_rest) in self.codes.items()}
        if self._audit_installed:
            return
        self._audit_installed = True
        function_type, attributes = types.FunctionType, CODE_ATTRIBUTES

        def hook(event: str, args: tuple) -> None:
            if event != "object.__setattr__" or len(args) < 2 or args[1] not in attributes:
                return
            target = args[0]
            if type(target) is function_type and id(target) in self._protected:
                label = self._protected[id(target)]
                self._flag("patched", f"tried to change the {args[1]} of `{label}` (refused)", self.cell)
                raise PermissionError(f"the grader's helper `{label}` cannot be changed")

        sys.addaudithook(hook)

    def hide_shadows(self, reads: Iterable[str], cell: str = "") -> dict[str, Any]:
        """Before a test cell: give it a namespace of its own, a copy of the notebook's, and leave out of
        that copy the names that shadow a builtin the test cell reads (``def sum``, ``def all``...), so
        that the test sees the builtin; flag each. Returns what was left out, for ``restore_shadows``.
        Names setup cells bound are kept.

        Why a copy: the student's functions keep the notebook's namespace as their globals, so a
        ``global _expected`` (or any other route to that namespace) in a function that the test calls
        writes there, not into the variables the test cell reads after the call returned."""
        import builtins

        ns, hidden_ns = self.shell.user_ns, getattr(self.shell, "user_ns_hidden", {})
        hidden = {}
        for name in sorted(set(reads)):
            if name.startswith("_") or name not in vars(builtins) or name not in ns or name in self.user:
                continue
            if hidden_ns.get(name, _MISSING) is ns[name]:  # IPython's own (exit, quit...)
                continue
            hidden[name] = ns[name]
            self._flag("rebound", f"`{name}` shadows the builtin `{name}` that test cells use "
                                  "(the test cell ran with the builtin)", cell)
        module = types.ModuleType("__main__")
        space = vars(module)
        space.update({k: v for k, v in ns.items() if k not in hidden})
        self._isolated = (self.shell.user_module, ns, space, cell)
        self.shell.user_module, self.shell.user_ns = module, space
        return hidden

    def restore_shadows(self, hidden: dict[str, Any], rebinds: Iterable[str] = ()) -> None:
        """After the test cell: the notebook's own namespace back, with the names the test cell bound
        (its values, as a notebook that ran it would have them); names the student's code wrote into the
        notebook's namespace while the test ran that test cells use are put back and flagged."""
        own = set(rebinds)
        isolated, self._isolated = getattr(self, "_isolated", None), None
        if isolated is None:  # called without hide_shadows: the old behaviour
            for name, value in hidden.items():
                if name not in own:
                    self.shell.user_ns[name] = value
            return
        module, ns, space, cell = isolated
        self.shell.user_module, self.shell.user_ns = module, ns
        for name in own:
            if name in space:
                ns[name] = space[name]
        for name, obj in self.user.items():
            if name not in own and ns.get(name, _MISSING) is not obj:
                self._flag("rebound", f"the name `{name}` that test cells use was redefined while the test cell ran",
                           cell)
                ns[name] = obj

    def _flag(self, kind: str, detail: str, cell: str) -> None:
        if detail not in self._seen:
            self._seen.add(detail)
            self.flags.append(Flag(kind, detail, cell))

    def check_and_restore(self, cell: str = "", when: str = "before", rebinds: Iterable[str] = ()) -> None:
        """Undo every change that student code made to what tests rely on, recording each as a flag.

        Args:
            cell: the test cell's grade id (named in the flags).
            when: ``"before"`` the test cell runs, or ``"after"`` it ran (changes made while it ran).
            rebinds: after a test cell, the names it binds itself: their new values are the test's own.

        Libraries change their own modules lazily (importing ``torch._dynamo`` wraps
        ``torch.manual_seed``; the first figure registers a matplotlib hook): a changed value that was
        not written in a notebook cell is accepted into the snapshot instead.
        """
        if when not in ("before", "after"):
            raise ValueError(f"when must be 'before' or 'after', not {when!r}")
        self.cell = cell
        during = " while the test cell ran" if when == "after" else ""
        ns = self.shell.user_ns
        own = set(rebinds) if when == "after" else set()
        for name, obj in self.user.items():
            if name in own and name in ns:
                self.user[name] = ns[name]
                continue
            if ns.get(name, _MISSING) is not obj:
                self._flag("rebound", f"the name `{name}` that test cells use was redefined{during}", cell)
                ns[name] = obj
        for name, mod in self.modules.items():
            if sys.modules.get(name) is not mod:
                self._flag("patched", f"sys.modules[{name!r}] was replaced{during}", cell)
                sys.modules[name] = mod
            current, saved = vars(mod), self.module_dicts[name]
            for attr, value in list(saved.items()):
                now = current.get(attr, _MISSING)
                if now is value:
                    continue
                # Restored whatever the new value says it is (a class can claim any __module__, a .py
                # file next to the notebook is not a notebook cell); flagged when it looks like the student's.
                if now is _MISSING or from_notebook(now) or _student_file(now) or _origin(now) != _origin(value):
                    self._flag("patched", f"`{name}.{attr}` was {'deleted' if now is _MISSING else 'replaced'}{during}", cell)
                try:
                    setattr(mod, attr, value)
                except (AttributeError, TypeError):
                    current[attr] = value
        for label, (klass, saved) in self.classes.items():
            current = vars(klass)
            for attr in set(saved) | set(current):
                now, value = current.get(attr, _MISSING), saved.get(attr, _MISSING)
                if now is value:
                    continue
                if attr == "__annotations__" and type(now) is dict and (value is _MISSING or type(value) is dict):
                    saved[attr] = now  # made on first read (Python 3.10+), by typing or the libraries: no code
                    continue
                if now is _MISSING or value is _MISSING or from_notebook(now) or _student_file(now) or \
                        _origin(now) != _origin(value):
                    self._flag("patched", f"`{label}.{attr}` was changed{during}", cell)
                try:
                    setattr(klass, attr, value) if value is not _MISSING else delattr(klass, attr)
                except (AttributeError, TypeError):
                    pass
        for label, (fn, code, defaults, kwdefaults) in self.codes.items():
            if fn.__code__ is not code or fn.__defaults__ is not defaults or fn.__kwdefaults__ is not kwdefaults:
                self._flag("patched", f"the code of `{label}` was changed{during}", cell)
                protected, self._protected = self._protected, {}  # the hook lets the guard itself restore
                try:
                    fn.__code__, fn.__defaults__, fn.__kwdefaults__ = code, defaults, kwdefaults
                finally:
                    self._protected = protected
        for label, (registry, saved) in self.registries.items():
            if registry.keys() != saved.keys() or any(registry[k] is not v for k, v in saved.items()):
                self._flag("patched", f"`{label}` (a hook on every PyTorch module) was changed{during}", cell)
                registry.clear()
                registry.update(saved)
        if self.kernels is not None:
            impls, saved_kernels = self.kernels
            added = sorted(k for k in set(impls) - saved_kernels if type(k) is str and not k.endswith("/Meta"))
            if added or not saved_kernels <= set(impls):
                self._flag("patched", f"a PyTorch operator's kernel was registered from Python "
                                      f"({', '.join(added[:3]) or 'a registration removed'}){during}", cell)
            self.kernels = (impls, saved_kernels | set(impls))
        self._check_machinery(during, cell)
        now = _shell_hooks(self.shell)
        for key, saved in self.hooks.items():
            if key in ("class_dict", "instance_dict"):
                changed = [a for a in set(saved) | set(now[key]) if now[key].get(a, _MISSING) is not saved.get(a, _MISSING)]
                for attr in changed:
                    owner = type(self.shell) if key == "class_dict" else self.shell
                    if attr in saved:
                        setattr(owner, attr, saved[attr])
                    else:
                        delattr(owner, attr)
                if changed:
                    self._flag("patched", f"IPython's shell ({', '.join(sorted(changed))}) was changed{during}", cell)
            elif now[key] != saved:
                if key == "events":
                    added = [cb for name, cbs in now[key].items() for cb in cbs if cb not in saved.get(name, [])]
                    if not any(from_notebook(cb) for cb in added):
                        self.hooks[key] = now[key]
                        continue
                elif key != "custom_exceptions":
                    added = [t for t in now[key] if t not in saved]
                    if added and not any(from_notebook(t) for t in added):
                        self.hooks[key] = now[key]
                        continue
                self._flag("patched", f"IPython's {key} was changed{during}", cell)
                self._restore_hook(key, saved)
        if (sys.gettrace(), sys.getprofile()) != self.trace:
            self._flag("patched", f"a trace or profile hook was installed{during}", cell)
            sys.settrace(self.trace[0])
            sys.setprofile(self.trace[1])
        self._check_keras_scopes(during, cell)
        self._check_torch_modes(during, cell)
        if when == "after":
            self.cell = ""  # a refused write from now on happens in a student cell, not in this test

    def _check_torch_modes(self, during: str, cell: str) -> None:
        """A PyTorch function or dispatch mode left entered decides what every torch call returns, a test's
        reference computation included (the checks refuse to read tensors under one): a test cell starts with
        both mode stacks empty; a mode that student code left entered is popped, and flagged."""
        torch_c = sys.modules.get("torch._C")
        left = []
        for kind, length, pop in (("function", "_len_torch_function_stack", "_pop_torch_function_stack"),
                                  ("dispatch", "_len_torch_dispatch_stack", "_pop_torch_dispatch_stack")):
            size, take = getattr(torch_c, length, None), getattr(torch_c, pop, None)
            if size is None or take is None:
                continue
            for _ in range(min(size(), 100)):
                left.append(f"{type(take()).__name__} ({kind})")
        if left:
            self._flag("patched", f"a PyTorch mode was left entered ({', '.join(left[:3])}){during}", cell)

    def _check_keras_scopes(self, during: str, cell: str) -> None:
        """Keras keeps its scopes in a global table: a `StatelessScope` (or a subclass whose
        `get_current_value` answers for any variable) left entered decides what every Keras variable's value
        reads as, a test's own layers included (red team B, round 4). A test cell starts outside every scope."""
        state = sys.modules.get("keras.src.backend.common.global_state")
        get = getattr(state, "get_global_attribute", None)
        if get is None:
            return
        left = [name for name in _KERAS_SCOPES if get(name) is not None]
        for name in left:
            state.set_global_attribute(name, None)
        if left:
            self._flag("patched", f"a Keras scope was left entered ({', '.join(left)}){during}", cell)

    def _restore_hook(self, key: str, saved: Any) -> None:
        shell, itm = self.shell, self.shell.input_transformer_manager
        if key == "input_transformers_cleanup":
            shell.input_transformers_cleanup[:] = saved
        elif key == "input_transformers_post":
            shell.input_transformers_post[:] = saved
        elif key.startswith("itm."):
            getattr(itm, key[4:])[:] = saved
        elif key == "ast_transformers":
            shell.ast_transformers[:] = saved
        elif key == "custom_exceptions":
            shell.set_custom_exc((), None)
        elif key == "events":
            for name, cbs in saved.items():
                shell.events.callbacks[name][:] = cbs


_MISSING = object()
# Keras' global scopes that decide what a variable reads as or how a layer runs (None outside every scope).
_KERAS_SCOPES = ("stateless_scope", "symbolic_scope", "autocast_scope")


def _origin(value: Any) -> tuple:
    """Where a value comes from, as a library's own lazy wrapper keeps it (``functools.wraps`` copies
    ``__module__`` and ``__qualname__``): ``nn.Identity`` put in place of ``nn.Conv2d``, ``torch.clone`` in
    place of ``F.relu`` or a ``functools.partial`` of anything come from elsewhere. Data: its type."""
    target = value
    if isinstance(target, (staticmethod, classmethod)):
        target = target.__func__
    elif isinstance(target, property):
        target = target.fget
    if isinstance(target, types.ModuleType):
        return ("module", vars(target).get("__name__"))
    if isinstance(target, type) or callable(target):
        try:
            module, name = getattr(target, "__module__", None), getattr(target, "__qualname__", None)
        except Exception:  # noqa: BLE001 - an object whose attributes cannot be read
            return ("unreadable", id(target))
        return ("code", type(target), module if type(module) is str else None, name if type(name) is str else None)
    return ("data", type(target))


def _student_file(value: Any) -> bool:
    """Was this function or class written in a file of the submission (a .py next to the notebook) or
    anywhere outside the installed libraries?"""
    target = getattr(value, "__func__", value)
    code = getattr(target, "__code__", None)
    if code is None and isinstance(target, type):
        module = sys.modules.get(getattr(target, "__module__", "") or "")
        name = getattr(module, "__file__", None) or ""
        real = getattr(target, "__module__", "")
        # a class that claims a library module but is not in that module's dictionary
        if module is not None and getattr(module, getattr(target, "__name__", ""), None) is not target:
            return True
        return bool(name) and not _library_path(name) if real != "builtins" else False
    if code is None:
        return False
    return not _library_path(code.co_filename)


def _library_path(name: str) -> bool:
    """Is this a file of the installed libraries (or the course's packages), rather than the student's?"""
    import os

    if name.startswith("<"):
        return not name.startswith(("<ipython-input", "<cell", "<string>"))
    roots = {sys.prefix, sys.base_prefix, sys.exec_prefix, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))}
    return any(name.startswith(root.rstrip("/") + "/") for root in roots if root)


def from_notebook(value: Any) -> bool:
    """Was this function, method or class written in a notebook cell (rather than in a library)?"""
    target = getattr(value, "__func__", value)
    target = getattr(target, "func", target) if type(target).__name__ == "partial" else target
    code = getattr(target, "__code__", None)
    if code is None and isinstance(target, type):
        return getattr(target, "__module__", "") == "__main__"
    if code is None:
        call = getattr(type(target), "__call__", None)
        code = getattr(call, "__code__", None)
        if code is None:
            return False
    name = code.co_filename
    return name.startswith(("<ipython-input", "<string>", "<cell")) or "/ipykernel_" in name or \
        getattr(target, "__module__", "") == "__main__"


# -- static reading of the student's code -----------------------------------------------------------

SUSPICIOUS_MODULES = {
    "gc": "inspects the interpreter's objects (gc)",
    "ctypes": "calls C functions directly (ctypes)",
    "sqlite3": "opens databases (sqlite3)",
    "subprocess": "starts other programs (subprocess)",
    "signal": "installs signal handlers (signal)",
    "builtins": "changes Python's builtins",
    "importlib": "reloads or loads modules by hand (importlib)",
    "socket": "opens network connections (socket)",
    "shutil": "copies or deletes files (shutil)",
    "glob": "searches the file system (glob)",
    "pathlib": "walks the file system (pathlib)",
    "threading": "starts threads (threading)",
    "_thread": "starts threads (_thread)",
    "multiprocessing": "starts processes (multiprocessing)",
    "concurrent": "starts threads or processes (concurrent.futures)",
    "_io": "opens files below Python's io layer (_io)",
    "marshal": "builds code objects from bytes (marshal)",
    "runpy": "runs modules or files by hand (runpy)",
    "__main__": "reaches the notebook's own namespace (__main__)",
    "pickle": "calls functions named in bytes (pickle)",
    "_pickle": "calls functions named in bytes (pickle)",
    "copyreg": "calls functions named in bytes (copyreg)",
    "dill": "calls functions named in bytes (dill)",
    "cloudpickle": "calls functions named in bytes (cloudpickle)",
    "pydoc": "finds functions by dotted name (pydoc.locate)",
    "code": "runs code from strings (code)",
    "codeop": "compiles code from strings (codeop)",
}
SUSPICIOUS_CALLS = {
    "os._exit": "ends the process (os._exit)",
    "os.kill": "sends signals (os.kill)",
    "os.system": "runs shell commands (os.system)",
    "os.walk": "walks the file system (os.walk)",
    "os.listdir": "lists folders (os.listdir)",
    "os.scandir": "lists folders (os.scandir)",
    "os.chdir": "changes the working folder (os.chdir)",
    "os.remove": "deletes files (os.remove)",
    "os.open": "opens files by descriptor (os.open)",
    "os.fdopen": "opens files by descriptor (os.fdopen)",
    "os.read": "reads file descriptors (os.read)",
    "os.write": "writes file descriptors (os.write)",
    "os.dup2": "redirects file descriptors (os.dup2)",
    "os.fork": "forks the process (os.fork)",
    "io.FileIO": "opens files below Python's io layer (io.FileIO)",
    "io.open_code": "opens files below Python's io layer (io.open_code)",
    "sys.settrace": "installs a trace hook",
    "sys.setprofile": "installs a profile hook",
    "sys._getframe": "reads interpreter frames",
    "sys._current_frames": "reads interpreter frames",
    "sys.addaudithook": "installs an audit hook",
    "traceback.walk_stack": "walks interpreter frames (traceback.walk_stack)",
    "traceback.walk_tb": "walks interpreter frames (traceback.walk_tb)",
    "inspect.currentframe": "reads interpreter frames (inspect.currentframe)",
    "inspect.stack": "reads interpreter frames (inspect.stack)",
    "inspect.trace": "reads interpreter frames (inspect.trace)",
    "inspect.getouterframes": "reads interpreter frames (inspect.getouterframes)",
    "inspect.getinnerframes": "reads interpreter frames (inspect.getinnerframes)",
    "inspect.getframeinfo": "reads interpreter frames (inspect.getframeinfo)",
    "inspect.getgeneratorlocals": "reads interpreter frames (inspect.getgeneratorlocals)",
    "inspect.getcoroutinelocals": "reads interpreter frames (inspect.getcoroutinelocals)",
    "inspect.getasyncgenlocals": "reads interpreter frames (inspect.getasyncgenlocals)",
    "inspect.getclosurevars": "reads a function's globals (inspect.getclosurevars)",
    "inspect.getmodule": "finds a function's module and its globals (inspect.getmodule)",
    "gc.get_objects": "lists every object of the interpreter (gc.get_objects)",
    "gc.get_referrers": "finds objects by reference (gc.get_referrers)",
    "gc.get_referents": "finds objects by reference (gc.get_referents)",
    "get_ipython": "reaches into the notebook's kernel (get_ipython)",
    "exec": "runs code from strings (exec)",
    "eval": "evaluates strings as code (eval)",
    "__import__": "imports modules by name (__import__)",
    "globals": "edits the global namespace (globals())",
    "locals": "reads or edits the notebook's namespace (locals())",
    "compile": "compiles code from strings (compile)",
    "pydoc.locate": "finds functions by dotted name (pydoc.locate)",
}
# Functions that are suspicious under any module path or alias (``from io import FileIO as F``, ``x.gc.get_objects``).
SUSPICIOUS_FUNCTION_NAMES = {name.rsplit(".", 1)[1]: detail for name, detail in SUSPICIOUS_CALLS.items()
                             if name.startswith(("sys._", "traceback.", "inspect.", "gc.", "io.", "sys.add",
                                                 "sys.set")) and name != "inspect.stack"}  # torch.stack is honest
SUSPICIOUS_ATTRS = {"__code__", "__globals__", "__builtins__", "__dict__", "__class__", "__subclasses__",
                    "__closure__", "cell_contents", "__defaults__", "__kwdefaults__", "__getattribute__",
                    "__traceback__", "f_back", "f_globals", "f_locals", "f_builtins", "f_code", "tb_frame",
                    "gi_frame", "cr_frame", "ag_frame", "modules", "__self__", "ctypeslib", "pythonapi", "f_trace",
                    "tb_next", "gi_code", "cr_code", "__func__", "__mro__", "__bases__", "__base__", "inspect", "mro"}
# Names that an honest solution never builds out of pieces: attributes and functions above, module names.
SUSPICIOUS_NAMES = (SUSPICIOUS_ATTRS - {"modules"}) | set(SUSPICIOUS_FUNCTION_NAMES) | set(SUSPICIOUS_MODULES) | \
    {"sys.modules", "builtins", "_exit", "kill", "system", "exec", "eval", "__import__", "globals", "get_ipython",
     "settrace", "setprofile"}
# Prefixes of attribute names that reach frames, code and interpreter internals.
SUSPICIOUS_PREFIXES = ("_", "f_", "tb_", "gi_", "cr_", "ag_", "co_")
# Calls that open a file by name (first argument) and classes whose subclasses pass for trusted values.
OPENERS = {"open", "io.open", "os.open", "io.FileIO", "_io.FileIO", "FileIO", "io.open_code", "codecs.open"}
VALUE_TYPES = {"int", "float", "bool", "complex", "str", "bytes", "tuple", "list", "dict", "set", "frozenset",
               "ndarray", "generic", "integer", "floating", "number", "Tensor", "Parameter", "Size", "Variable",
               "EagerTensor", "TensorShape"}
LYING_DUNDERS = {"__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__array__", "__array_ufunc__",
                 "__array_function__", "__array_finalize__", "__array_wrap__", "__torch_function__",
                 "__torch_dispatch__", "__index__", "__int__", "__float__", "__instancecheck__",
                 "__subclasscheck__", "__class__", "__bool__", "__getattribute__"}
ATTRIBUTE_FUNCTIONS = {"getattr", "setattr", "delattr", "hasattr"}
# PyTorch modes a student class could derive from (its __torch_function__ / __torch_dispatch__ given by setattr with
# a computed name escapes LYING_DUNDERS), and the C functions that push a mode without entering one (round 4).
TORCH_MODES = {"TorchFunctionMode", "TorchDispatchMode", "BaseTorchFunctionMode", "BaseTorchDispatchMode"}
TORCH_MODE_STACK = {"_push_on_torch_function_stack", "_push_on_torch_dispatch_stack", "_set_torch_function_mode",
                    "_set_torch_dispatch_mode", "_push_mode", "_push_torch_function_stack"}
# Builtins of SUSPICIOUS_CALLS flagged also when taken as a value (`_imp = __import__`, then `_imp('os')`).
TAKEN_BUILTINS = {"exec", "eval", "__import__", "globals", "locals", "compile", "get_ipython"}
# Names that, written in a string (whole, or as one part of a dotted path), reach frames, code, the interpreter
# or lying dunders whatever function the string is handed to (``operator.attrgetter('tb_frame.f_back')``,
# ``type('X', (), {'__eq__': ...})``, ``setattr(cls, '__eq__', ...)``, ``getattr(len.__self__, 'exec')``).
STRING_NAMES = (SUSPICIOUS_ATTRS - {"modules"}) | LYING_DUNDERS | \
    {"_getframe", "_current_frames", "currentframe", "walk_stack", "walk_tb", "get_objects", "get_referrers",
     "get_referents", "settrace", "setprofile", "addaudithook", "exec", "eval", "__import__", "globals", "locals",
     "builtins", "sys.modules", "__main__", "_exit", "f_lasti", "f_lineno", "__setattr__", "__delattr__"}
_STR_METHODS = {"replace", "lower", "upper", "strip", "lstrip", "rstrip", "capitalize", "swapcase", "title",
                "removeprefix", "removesuffix", "casefold"}


def _dotted(node: ast.AST) -> str:
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return ""


def _int(node: ast.AST | None) -> int | None | bool:
    """A slice bound written as a constant int (``-1`` included), None when absent, False otherwise."""
    if node is None:
        return None
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        inner = _int(node.operand)
        return -inner if type(inner) is int else False
    return node.value if isinstance(node, ast.Constant) and type(node.value) is int else False


def _fold(node: ast.AST, depth: int = 0) -> str | None:
    """The string an expression builds from constants alone (``'f_' + 'locals'``, ``''.join([...])``,
    ``'slacol_f'[::-1]``, ``chr(95) * 2``, ``b'..'.decode()``, f-strings of constants), or None."""
    if depth > 20:
        return None
    if isinstance(node, ast.Constant):
        return node.value if isinstance(node.value, str) else (
            node.value.decode("latin-1") if isinstance(node.value, bytes) else None)
    try:
        if isinstance(node, ast.BinOp):
            left = _fold(node.left, depth + 1)
            if isinstance(node.op, ast.Add):
                right = _fold(node.right, depth + 1)
                return left + right if left is not None and right is not None else None
            if isinstance(node.op, ast.Mult) and left is not None and isinstance(node.right, ast.Constant) \
                    and isinstance(node.right.value, int) and 0 <= node.right.value < 64:
                return left * node.right.value
            if isinstance(node.op, ast.Mod) and left is not None:
                parts = node.right.elts if isinstance(node.right, ast.Tuple) else [node.right]
                values = [_fold(p, depth + 1) for p in parts]
                return left % tuple(values) if all(v is not None for v in values) else None
            return None
        if isinstance(node, ast.JoinedStr):
            values = [_fold(v.value if isinstance(v, ast.FormattedValue) else v, depth + 1) for v in node.values]
            return "".join(values) if all(v is not None for v in values) else None
        if isinstance(node, ast.Subscript):
            value = _fold(node.value, depth + 1)
            if value is None:
                return None
            if isinstance(node.slice, ast.Slice):
                bounds = [_int(b) for b in (node.slice.lower, node.slice.upper, node.slice.step)]
                return None if any(b is False for b in bounds) else value[slice(*bounds)]
            return None
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name) and func.id == "chr" and len(node.args) == 1 and \
                    isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, int):
                return chr(node.args[0].value)
            if isinstance(func, ast.Name) and func.id == "str" and len(node.args) == 1:
                return _fold(node.args[0], depth + 1)
            if not isinstance(func, ast.Attribute):
                return None
            owner = _fold(func.value, depth + 1)
            if owner is None:
                return None
            if func.attr == "join" and len(node.args) == 1:
                arg = node.args[0]
                items = arg.elts if isinstance(arg, (ast.List, ast.Tuple, ast.Set)) else None
                if isinstance(arg, ast.Call) and isinstance(arg.func, ast.Name) and arg.func.id in ("reversed", "list") \
                        and len(arg.args) == 1:
                    inner = arg.args[0]
                    if isinstance(inner, (ast.List, ast.Tuple)):
                        items = list(reversed(inner.elts)) if arg.func.id == "reversed" else inner.elts
                    else:
                        text = _fold(inner, depth + 1)
                        items = None if text is None else [ast.Constant(c) for c in
                                                           (reversed(text) if arg.func.id == "reversed" else text)]
                if items is None:
                    return None
                values = [_fold(v, depth + 1) for v in items]
                return owner.join(values) if all(v is not None for v in values) else None
            args = [_fold(a, depth + 1) for a in node.args]
            if any(a is None for a in args) or node.keywords:
                return None
            if func.attr == "format":
                return owner.format(*args)
            if func.attr in _STR_METHODS or func.attr == "decode":
                return owner if func.attr == "decode" else getattr(owner, func.attr)(*args)
    except (TypeError, ValueError, IndexError, KeyError, OverflowError):
        return None
    return None


def _prefix(node: ast.AST) -> str:
    """The constant text a string expression starts with (``f"down{i}"`` -> ``"down"``), or ""."""
    folded = _fold(node)
    if folded is not None:
        return folded
    if isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
        return str(node.values[0].value)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _prefix(node.left)
    return ""


def _outside(path: str) -> bool:
    return path.startswith(("/", "~")) or ".." in path or "/proc" in path


def static_flags(code: str, cell: str, protected_names: Iterable[str] = (), module_aliases: Iterable[str] = ()) -> list[Flag]:
    """Constructs in a student's cell that an honest solution does not need.

    Args:
        code: the cell's source (IPython magics are flagged, then ignored).
        protected_names: names bound by setup cells that test cells read (``check_close``, ``torch``...):
            defining or assigning them is flagged.
        module_aliases: names bound to modules by the setup cells (``torch``, ``np``, ``F``...):
            assigning their attributes is flagged, as is assigning attributes of anything the cell
            imports itself.

    Names are also read where code builds them as strings: ``getattr(f, 'f_' + 'locals')`` is flagged
    like ``f.f_locals``, and an attribute name computed by a call or an f-string that starts with
    ``_`` is flagged as such (``getattr(self, f"down{i}")`` is not).
    """
    flags: list[Flag] = []
    lines = []
    for line in code.splitlines():
        if line.lstrip().startswith(("%", "!")):
            flags.append(Flag("static", f"uses an IPython magic or shell escape: {line.strip()[:60]!r}", cell))
            lines.append("")
        else:
            lines.append(line)
    try:
        tree = ast.parse("\n".join(lines))
    except SyntaxError:
        return flags
    protected = set(protected_names)
    imported = {alias.asname or alias.name.split(".")[0] for node in ast.walk(tree)
                if isinstance(node, (ast.Import, ast.ImportFrom)) for alias in node.names}
    modules = set(module_aliases) | imported
    course_modules = {alias.asname or alias.name.split(".")[0] for node in ast.walk(tree)
                      if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("cnnblocks")
                      for alias in node.names} | \
                     {alias.asname or alias.name.split(".")[0] for node in ast.walk(tree)
                      if isinstance(node, ast.Import) for alias in node.names if alias.name.startswith("cnnblocks")}

    inspect_names = {alias.asname or alias.name for node in ast.walk(tree) if isinstance(node, ast.Import)
                     for alias in node.names if alias.name == "inspect"}

    def add(detail: str) -> None:
        if all(f.detail != detail for f in flags):
            flags.append(Flag("static", detail, cell))

    # Names the cell binds at its top level: a function's `global x` for an `x` the cell never defines reaches
    # into a name someone else binds (a test cell's `_expected`, read after the student's function returned).
    top_level = {sub.id for stmt in tree.body if not isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
                 for sub in ast.walk(stmt) if isinstance(sub, ast.Name) and isinstance(sub.ctx, ast.Store)} | \
                {stmt.name for stmt in tree.body if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))} | \
                {alias.asname or alias.name.split(".")[0] for stmt in tree.body if isinstance(stmt, (ast.Import, ast.ImportFrom))
                 for alias in stmt.names}

    # Names bound to a library (or something reached through one) by the cell itself: `import os as _o`,
    # `_D = json.JSONDecoder`, `_T = type(nn.Parameter(...))`, `_m = getattr(np, 'testing')`. Calls and
    # assignments through them read as through the library's own name (red team B, round 3: every alias
    # evaded the flags of os.system, of a patched class and of setattr on a library).
    aliases: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    aliases[alias.asname] = alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                if alias.name != "*":
                    aliases[alias.asname or alias.name] = f"{node.module}.{alias.name}"

    def library_type(node: ast.AST) -> bool:
        """``type(x)`` of any value: the class of a library's object (``type(nn.Parameter(...))``, or of a layer a
        test passed to the student's function: ``type(layer).call = ...``). Honest code reads a class it got that
        way (``type(x).__name__``), it does not write to it (red team B, round 4)."""
        return isinstance(node, ast.Call) and _dotted(node.func) == "type" and len(node.args) == 1 and \
            _dotted(node.args[0]) not in ("self", "cls")  # a class's own counter: `type(self).made += 1`

    def resolve(node: ast.AST) -> str:
        """The dotted library name an expression stands for (through the cell's aliases), or ""."""
        if library_type(node):
            return "type(...)"
        if isinstance(node, ast.Call) and _dotted(node.func) == "getattr" and len(node.args) in (2, 3):
            owner = resolve(node.args[0])  # a name computed at run time still names something of the library
            name = _fold(node.args[1])
            return f"{owner}.{name if name is not None else '<computed>'}" if owner else ""
        if isinstance(node, ast.Subscript):
            # `[keras.layers.Conv2D][0]`, `_d = {"c": BaseConv}; _d["c"]`: an element of a literal container (round 4)
            box = containers.get(node.value.id) if isinstance(node.value, ast.Name) else node.value
            if isinstance(box, (ast.List, ast.Tuple, ast.Set, ast.Dict)):
                items = box.values if isinstance(box, ast.Dict) else box.elts
                return next((found for found in map(resolve, items) if found), "")
            return ""
        if isinstance(node, ast.BoolOp):  # `found or keras.layers.Conv2D`
            return next((r for r in map(resolve, node.values) if r), "")
        if isinstance(node, ast.IfExp):
            return resolve(node.body) or resolve(node.orelse)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in returns:
            return returns[node.func.id]  # a cell function that returns a library (or its own argument, one)
        name = _dotted(node)
        if not name:
            return ""
        root, _, rest = name.partition(".")
        if root in star_names(root):
            return f"{star_names(root)[root]}.{name}"
        parts = name.split(".")
        for cut in range(len(parts), 1, -1):  # `_box.cls.call`: an attribute the cell stored a library in
            if ".".join(parts[:cut]) in aliases:
                return ".".join([aliases[".".join(parts[:cut])], *parts[cut:]])
        if root in aliases:
            return aliases[root] + ("." + rest if rest else "")
        return name if root in modules else ""

    # `from keras.layers import *`: a name the cell never binds may be the library's (`Conv2D.call = ...`).
    star_modules = [node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module
                    and not node.module.startswith("cnnblocks") and any(a.name == "*" for a in node.names)]
    bound_here = {sub.id for sub in ast.walk(tree) if isinstance(sub, ast.Name) and isinstance(sub.ctx, (ast.Store, ast.Del))} | \
        {sub.name for sub in ast.walk(tree) if isinstance(sub, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))} | \
        {a.arg for sub in ast.walk(tree) if isinstance(sub, ast.arguments)
         for a in [*sub.posonlyargs, *sub.args, *sub.kwonlyargs, *filter(None, (sub.vararg, sub.kwarg))]} | \
        {alias.asname or alias.name.split(".")[0] for sub in ast.walk(tree) if isinstance(sub, (ast.Import, ast.ImportFrom))
         for alias in sub.names}
    import builtins as _builtins

    def star_names(root: str) -> dict[str, str]:
        if star_modules and root not in bound_here and root not in modules and not hasattr(_builtins, root):
            return {root: star_modules[0]}
        return {}

    containers = {target.id: node.value for node in ast.walk(tree) if isinstance(node, ast.Assign)
                  and isinstance(node.value, (ast.List, ast.Tuple, ast.Set, ast.Dict)) for target in node.targets
                  if isinstance(target, ast.Name)}
    returns: dict[str, str] = {}
    # Functions (and lambdas bound to a name) the cell defines: a library passed to one of them makes the parameter
    # an alias of it (`def _put(owner, fn): owner.call = fn` ... `_put(BaseConv, f)`; red team B, round 4).
    functions: dict[str, ast.arguments] = {}
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            functions[node.name] = node.args
        elif isinstance(node, ast.Assign) and isinstance(node.value, ast.Lambda):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    functions[target.id] = node.value.args

    for _ in range(4):  # chains: `_a = np; _b = _a.testing`
        for node in ast.walk(tree):
            bindings = []
            if isinstance(node, (ast.For, ast.AsyncFor, ast.comprehension)) and isinstance(node.target, ast.Name):
                box = containers.get(node.iter.id) if isinstance(node.iter, ast.Name) else node.iter
                if isinstance(box, (ast.List, ast.Tuple, ast.Set)):  # for c in (BaseConv,): c.call = ...
                    bindings += [(node.target.id, item) for item in box.elts]
            if isinstance(node, (ast.With, ast.AsyncWith)):
                for item in node.items:
                    if isinstance(item.optional_vars, ast.Name):
                        expr = item.context_expr
                        bindings += [(item.optional_vars.id, e) for e in
                                     ([expr] + (list(expr.args) if isinstance(expr, ast.Call) else []))]
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in functions:
                params = functions[node.func.id]
                positional = [*params.posonlyargs, *params.args]
                bindings += [(param.arg, arg) for param, arg in zip(positional, node.args)]
                by_name = {a.arg for a in [*positional, *params.kwonlyargs]}
                bindings += [(kw.arg, kw.value) for kw in node.keywords if kw.arg in by_name]
            if isinstance(node, (ast.Lambda, ast.FunctionDef, ast.AsyncFunctionDef)):  # lambda c=BaseConv: ...
                params = node.args
                positional = [*params.posonlyargs, *params.args]
                bindings += list(zip([a.arg for a in positional[len(positional) - len(params.defaults):]], params.defaults))
                bindings += [(a.arg, d) for a, d in zip(params.kwonlyargs, params.kw_defaults) if d is not None]
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name not in returns:
                found = next((r for sub in ast.walk(node) if isinstance(sub, ast.Return) and sub.value is not None
                              for r in [resolve(sub.value)] if r), "")
                if found:
                    returns[node.name] = found
            for name, value in bindings:
                resolved = resolve(value)
                if resolved and name not in aliases:
                    aliases[name] = resolved
            targets = node.targets if isinstance(node, ast.Assign) else \
                [node.target] if isinstance(node, (ast.AnnAssign, ast.NamedExpr)) and node.value is not None else []
            value = getattr(node, "value", None)
            pairs = []
            for target in targets:
                if isinstance(target, ast.Name):
                    pairs.append((target.id, value))
                elif isinstance(target, ast.Attribute) and _dotted(target):
                    pairs.append((_dotted(target), value))  # `_box.cls = BaseConv`, read back as `_box.cls.call`
                elif isinstance(target, (ast.Tuple, ast.List)) and isinstance(value, (ast.Tuple, ast.List)) and \
                        len(target.elts) == len(value.elts):
                    pairs += [(t.id, v) for t, v in zip(target.elts, value.elts) if isinstance(t, ast.Name)]
            for name, value in pairs:
                resolved = resolve(value) if value is not None else ""
                if resolved and name not in aliases:
                    aliases[name] = resolved

    library_target = resolve  # what an assignment's or setattr's owner is when it is a library object, or ""

    def attribute_name(name: str, how: str) -> None:
        if name in SUSPICIOUS_ATTRS and (name != "modules"):
            add(f"uses the attribute {name}{how}")

    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            for name in names:
                root = name.split(".")[0]
                if root in SUSPICIOUS_MODULES:
                    add(f"imports {root}: {SUSPICIOUS_MODULES[root]}")
                if name == "torch.library" or (name == "torch" and isinstance(node, ast.ImportFrom) and
                                               any(a.name == "library" for a in node.names)):
                    add("imports torch.library: registers kernels of PyTorch's operators")
            if isinstance(node, ast.ImportFrom):
                for alias in node.names:
                    full = f"{node.module}.{alias.name}"
                    if full in SUSPICIOUS_CALLS:
                        add(f"imports {full}: {SUSPICIOUS_CALLS[full]}")
                    elif alias.name in SUSPICIOUS_FUNCTION_NAMES:
                        add(f"imports {full}: {SUSPICIOUS_FUNCTION_NAMES[alias.name]}")
                    elif alias.name.startswith("register_module_"):
                        add(f"imports {full}: a hook on every PyTorch module, the test's own included")
        elif isinstance(node, ast.Call):
            name = _dotted(node.func)
            last = name.rsplit(".", 1)[-1]
            full = resolve(node.func)
            if name in SUSPICIOUS_CALLS:
                add(f"calls {name}: {SUSPICIOUS_CALLS[name]}")
            elif full in SUSPICIOUS_CALLS:
                add(f"calls {name or ast.unparse(node.func)[:40]} (that is {full}): {SUSPICIOUS_CALLS[full]}")
            elif "." in name and last in SUSPICIOUS_FUNCTION_NAMES:
                add(f"calls {name}: {SUSPICIOUS_FUNCTION_NAMES[last]}")
            if last in ("__setattr__", "__delattr__") and isinstance(node.func, ast.Attribute) and \
                    (_dotted(node.func.value) in ("type", "object") or library_target(node.func.value)) and \
                    not (node.args and _dotted(node.args[0]) == "self"):
                add(f"calls {name or last} directly: writes attributes past every check (a class's, a library's)")
            if name in ("setattr", "delattr") and node.args:
                # setattr(model, name, layer) is how modules are replaced; on a library it is a patch.
                target = _dotted(node.args[0])
                if target and (target.split(".")[0] in modules | {"builtins", "sys", "__builtins__"}):
                    add(f"calls {name} on `{target}`, a library")
                elif library_target(node.args[0]):
                    add(f"calls {name} on `{target or ast.unparse(node.args[0])[:40]}` (`{library_target(node.args[0])}`), a library")
            if name == "vars" and node.args and (_dotted(node.args[0]).split(".")[0] in modules or
                                                 library_target(node.args[0])):
                add(f"calls vars on `{_dotted(node.args[0]) or ast.unparse(node.args[0])[:40]}`, a library")
            if last in ("Library", "custom_op", "register_kernel", "register_fake", "impl_abstract", "_dispatch_dump") \
                    or name.endswith((".library.impl", ".library.define")):
                add(f"calls {name or last}: registers kernels of PyTorch's operators (torch.library)")
            if last.startswith("register_module_"):
                add(f"calls {last}: a hook on every PyTorch module, the test's own included")
            if name in ATTRIBUTE_FUNCTIONS and len(node.args) > 1 and _dotted(node.args[0]) == "sys" and \
                    _fold(node.args[1]) == "modules":
                add("uses sys.modules (through a string)")
            if name in ("vars", "dir") and not node.args:
                add(f"calls {name}() without an argument (the notebook's namespace)")
            if name == "type" and len(node.args) == 3:
                add("creates a class at run time (type(name, bases, dict))")
            if last == "attrgetter" and any(_fold(arg) is not None and "modules" in _fold(arg).split(".")
                                            for arg in node.args):
                add("calls attrgetter('modules') (sys.modules through a string)")
            if (full or name) in ("weakref.ref", "weakref.proxy", "weakref.WeakMethod", "_weakref.ref",
                                  "_weakref.proxy") and (len(node.args) > 1 or node.keywords):
                add("calls weakref.ref with a callback: code that runs when an object dies (during a test cell too)")
            if name in ("weakref.finalize", "finalize") or full == "weakref.finalize":
                add("calls weakref.finalize: code that runs whenever the garbage collector decides (during a test cell)")
            if last in ("attrgetter", "methodcaller"):
                for arg in node.args[:1] if last == "methodcaller" else node.args:
                    if not isinstance(arg, ast.Constant) and _fold(arg) is None and \
                            (_prefix(arg) == "" or _prefix(arg).startswith(SUSPICIOUS_PREFIXES)):
                        add(f"calls {last} with a name built as a string")
            if name in ATTRIBUTE_FUNCTIONS or last == "__getattribute__":
                index = 1 if name in ATTRIBUTE_FUNCTIONS or len(node.args) > 1 else 0
                if len(node.args) > index:
                    arg = node.args[index]
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                        attribute_name(arg.value, f" (through {last})")
                    elif _fold(arg) is not None:
                        attribute_name(_fold(arg), f" (name built as a string for {last})")
                    elif not isinstance(arg, (ast.Name, ast.Attribute, ast.Subscript)):
                        if _prefix(arg) == "" or _prefix(arg).startswith(SUSPICIOUS_PREFIXES):
                            add(f"calls {last} with a name built as a string")
            if name in OPENERS or last in ("FileIO", "open_code"):
                if node.args:
                    path = _fold(node.args[0])
                    if path is not None:
                        if _outside(path):
                            add(f"opens a file outside its folder: {path!r}")
                    else:
                        add("opens a file whose name is computed")
            if isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Call) and \
                    node.func.attr in ("read_text", "read_bytes", "write_text", "write_bytes", "open", "unlink", "iterdir") and \
                    _dotted(node.func.value.func).rsplit(".", 1)[-1] in ("Path", "PosixPath", "PurePath") and \
                    node.func.value.args:
                path = _fold(node.func.value.args[0])
                if path is None or _outside(path):
                    add(f"reads or writes a file outside its folder (pathlib .{node.func.attr})")
        elif isinstance(node, ast.Attribute):
            full = resolve(node)
            if full in SUSPICIOUS_CALLS and full != _dotted(node) and not any(f"(that is {full})" in f.detail for f in flags):
                add(f"uses {_dotted(node)} (that is {full}): {SUSPICIOUS_CALLS[full]}")
            if node.attr in TORCH_MODE_STACK:
                add(f"uses {_dotted(node) or node.attr}: pushes a PyTorch mode by hand")
            if node.attr in ("library", "_impls") and _dotted(node.value).split(".")[0] in modules:
                add(f"uses `{_dotted(node)}`: registers kernels of PyTorch's operators")
            if node.attr in SUSPICIOUS_FUNCTION_NAMES:  # taken without calling it there (f = inspect.currentframe)
                add(f"uses {_dotted(node) or node.attr}: {SUSPICIOUS_FUNCTION_NAMES[node.attr]}")
            if node.attr == "stack" and _dotted(node.value).split(".")[0] in inspect_names:
                add("uses inspect.stack: reads interpreter frames")
            if node.attr.startswith("_") and not node.attr.startswith("__") and \
                    _dotted(node.value).split(".")[0] in course_modules:
                add(f"uses `{_dotted(node.value)}.{node.attr}`, a private part of the grader's checks")
            if node.attr == "path" and _dotted(node.value) == "sys":
                add("uses sys.path (changes where imports come from)")
            if node.attr in SUSPICIOUS_ATTRS and (node.attr != "modules" or _dotted(node.value) == "sys"):
                add(f"uses the attribute {node.attr}")
        elif isinstance(node, ast.Name) and node.id in ("__builtins__",):
            add("uses __builtins__")
        elif isinstance(node, ast.Name) and node.id in ("setattr", "delattr") and isinstance(node.ctx, ast.Load) and \
                not any(isinstance(call, ast.Call) and call.func is node for call in ast.walk(tree)):
            add(f"takes the builtin {node.id} as a value (functools.partial(setattr, ...), map(setattr, ...)): "
                f"attribute writes no one can read from the cell")
        elif isinstance(node, ast.Name) and node.id in TAKEN_BUILTINS and isinstance(node.ctx, ast.Load) and \
                not any(isinstance(call, ast.Call) and call.func is node for call in ast.walk(tree)):
            add(f"takes the builtin {node.id} as a value: {SUSPICIOUS_CALLS[node.id]}")
        elif isinstance(node, ast.ClassDef):
            for base in node.bases:
                kind = _dotted(base).rsplit(".", 1)[-1]
                if kind in VALUE_TYPES:
                    add(f"defines `{node.name}`, a subclass of {_dotted(base)} (its objects can pass for plain values)")
                if kind in TORCH_MODES or (resolve(base) or "").rsplit(".", 1)[-1] in TORCH_MODES:
                    add(f"defines `{node.name}`, a PyTorch mode (it decides what every torch call returns while it is "
                        f"entered, a test's reference computation included)")
            for item in node.body:
                names = [item.name] if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) else \
                    [t.id for t in item.targets if isinstance(t, ast.Name)] if isinstance(item, ast.Assign) else []
                for dunder in names:
                    if dunder == "__del__":
                        add(f"defines __del__ in class `{node.name}` (code that runs whenever the garbage collector "
                            "decides, during a test cell too)")
                    if dunder in LYING_DUNDERS:
                        add(f"defines {dunder} in class `{node.name}` (its objects decide how they compare or convert)")
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.lstrip().startswith("/proc"):
            add(f"names a /proc path: {node.value[:60]!r}")
        if isinstance(node, ast.Constant) and isinstance(node.value, (str, bytes)) and len(node.value) < 200:
            text = node.value.decode("latin-1") if isinstance(node.value, bytes) else node.value
            named = [part.strip() for part in text.split(".") if part.strip() in STRING_NAMES]
            if named or text.strip() in STRING_NAMES:
                add(f"names `{(named or [text.strip()])[0]}` in a string")
        if isinstance(node, (ast.BinOp, ast.JoinedStr, ast.Call, ast.Subscript)):
            folded = _fold(node)
            if folded is not None and not isinstance(node, ast.Constant):
                if folded in SUSPICIOUS_NAMES:
                    add(f"builds the name `{folded}` from pieces")
                elif folded.startswith("/proc"):
                    add(f"names a /proc path: {folded[:60]!r}")
        if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Delete)):
            targets = node.targets if isinstance(node, (ast.Assign, ast.Delete)) else [node.target]
            for target in targets:
                for sub in ast.walk(target):
                    if isinstance(sub, ast.Name) and sub.id in protected:
                        add(f"assigns the name `{sub.id}` that test cells use")
                    if isinstance(sub, ast.Attribute) and isinstance(sub.ctx, (ast.Store, ast.Del)) and \
                            sub.attr in LYING_DUNDERS:
                        add(f"assigns {sub.attr} of `{_dotted(sub.value) or 'an object'}` (its objects decide how they compare or convert)")
                    if isinstance(sub, ast.Attribute) and isinstance(sub.ctx, (ast.Store, ast.Del)):
                        base = _dotted(sub.value)
                        if base and base.split(".")[0] in modules:
                            add(f"assigns the attribute `{base}.{sub.attr}` of a library")
                        elif library_target(sub.value):
                            add(f"assigns the attribute `{base or ast.unparse(sub.value)[:40]}.{sub.attr}` of a library "
                                f"(`{library_target(sub.value)}`)")
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.name in protected:
            add(f"defines `{node.name}`, a name that test cells use")
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            for name in node.names:
                if name in protected:
                    add(f"declares `{name}` global to replace it")
                elif isinstance(node, ast.Global) and name not in top_level:
                    add(f"declares `{name}` global, a name this cell does not define (a test cell's variable?)")
    return flags
