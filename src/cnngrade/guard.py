"""Keep test cells honest inside the process that runs a student's notebook.

A test cell calls helpers (``check_close``, ``torch.allclose``, ``np.testing``...) that live in the same
Python process as the student's code, so a student cell can redefine or patch them. Two layers:

* ``RuntimeGuard`` snapshots, after the setup cells ran, every object that test cells rely on: the
  bindings of the user namespace that setup cells made, the dictionaries of the modules and classes
  tests call into, the code objects of the ``cnnblocks.checks`` helpers, IPython's execution hooks
  (input/AST transformers, custom exception handlers, event callbacks) and the trace/profile hooks.
  Before every test cell it compares, restores what changed and records why. Restoring makes the
  test run with the real helpers; the record flags the submission for the instructor.
* ``static_flags`` reads the student's cells (AST, no execution) for constructs that an honest
  solution has no reason to use: touching ``sys.modules`` or ``builtins``, assigning attributes of
  imported modules, ``gc`` / ``inspect`` / ``ctypes``, reading files outside the working folder, the
  gradebook, ``sqlite3``, subprocesses, signals, ``os._exit``...

Code in the same process can always defeat an in-process guard (the student owns the process), which
is why the second layer exists and why the sandbox (``cnngrade.sandbox``) keeps the instructor's files
and other students out of reach whatever the student's code does.
"""
from __future__ import annotations

import ast
import functools
import sys
import types
from dataclasses import dataclass
from typing import Any, Iterable

# Modules and classes whose attributes test cells depend on (directly or through the checks).
GUARDED_MODULES = (
    "builtins", "math", "numpy", "numpy.testing", "numpy.linalg", "cnnblocks", "cnnblocks.checks",
    "cnnblocks.counting", "cnnblocks.env", "torch", "torch.nn", "torch.nn.functional", "torch.testing",
    "keras", "keras.ops", "tensorflow",
)
GUARDED_CLASSES = (("torch", "Tensor"), ("torch.nn", "Module"), ("numpy", "ndarray"))


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


class RuntimeGuard:
    """Snapshot after the setup cells; ``check_and_restore`` before each test cell."""

    def __init__(self, shell):
        self.shell = shell
        self.flags: list[Flag] = []
        self._seen: set[str] = set()

    def snapshot(self, setup_names: Iterable[str]) -> None:
        ns = self.shell.user_ns
        self.user = {name: ns[name] for name in setup_names if name in ns}
        self.modules = {name: sys.modules[name] for name in GUARDED_MODULES if name in sys.modules}
        self.module_dicts = {name: dict(vars(mod)) for name, mod in self.modules.items()}
        self.classes = {}
        for mod, cls in GUARDED_CLASSES:
            if mod in sys.modules and hasattr(sys.modules[mod], cls):
                klass = getattr(sys.modules[mod], cls)
                self.classes[f"{mod}.{cls}"] = (klass, dict(vars(klass)))
        self.codes = {}
        for name, mod in self.modules.items():
            if name.startswith("cnnblocks"):
                for attr, fn in vars(mod).items():
                    if isinstance(fn, types.FunctionType) and fn.__module__ == name:
                        self.codes[f"{name}.{attr}"] = (fn, fn.__code__, fn.__defaults__, fn.__kwdefaults__)
        self.hooks = _shell_hooks(self.shell)
        self.trace = (sys.gettrace(), sys.getprofile())

    def _flag(self, kind: str, detail: str, cell: str) -> None:
        if detail not in self._seen:
            self._seen.add(detail)
            self.flags.append(Flag(kind, detail, cell))

    def check_and_restore(self, cell: str = "") -> None:
        """Undo every change that student code made to what tests rely on, recording each as a flag.

        Libraries change their own modules lazily (importing ``torch._dynamo`` wraps
        ``torch.manual_seed``; the first figure registers a matplotlib hook): a changed value that was
        not written in a notebook cell is accepted into the snapshot instead.
        """
        ns = self.shell.user_ns
        for name, obj in self.user.items():
            if ns.get(name, _MISSING) is not obj:
                self._flag("rebound", f"the name `{name}` that test cells use was redefined", cell)
                ns[name] = obj
        for name, mod in self.modules.items():
            if sys.modules.get(name) is not mod:
                self._flag("patched", f"sys.modules[{name!r}] was replaced", cell)
                sys.modules[name] = mod
            current, saved = vars(mod), self.module_dicts[name]
            for attr, value in list(saved.items()):
                now = current.get(attr, _MISSING)
                if now is value:
                    continue
                if now is _MISSING or from_notebook(now):
                    self._flag("patched", f"`{name}.{attr}` was {'deleted' if now is _MISSING else 'replaced'}", cell)
                    setattr(mod, attr, value)
                else:
                    saved[attr] = now
        for label, (klass, saved) in self.classes.items():
            current = vars(klass)
            for attr in set(saved) | set(current):
                now, value = current.get(attr, _MISSING), saved.get(attr, _MISSING)
                if now is value:
                    continue
                if now is _MISSING or from_notebook(now):
                    self._flag("patched", f"`{label}.{attr}` was changed", cell)
                    try:
                        setattr(klass, attr, value) if value is not _MISSING else delattr(klass, attr)
                    except (AttributeError, TypeError):
                        pass
                elif value is not _MISSING:
                    saved[attr] = now
        for label, (fn, code, defaults, kwdefaults) in self.codes.items():
            if fn.__code__ is not code or fn.__defaults__ is not defaults or fn.__kwdefaults__ is not kwdefaults:
                self._flag("patched", f"the code of `{label}` was changed", cell)
                fn.__code__, fn.__defaults__, fn.__kwdefaults__ = code, defaults, kwdefaults
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
                    self._flag("patched", f"IPython's shell ({', '.join(sorted(changed))}) was changed", cell)
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
                self._flag("patched", f"IPython's {key} was changed", cell)
                self._restore_hook(key, saved)
        if (sys.gettrace(), sys.getprofile()) != self.trace:
            self._flag("patched", "a trace or profile hook was installed", cell)
            sys.settrace(self.trace[0])
            sys.setprofile(self.trace[1])

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
    "inspect": "inspects frames or source (inspect)",
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
    "sys.settrace": "installs a trace hook",
    "sys.setprofile": "installs a profile hook",
    "sys._getframe": "reads interpreter frames",
    "get_ipython": "reaches into the notebook's kernel (get_ipython)",
    "exec": "runs code from strings (exec)",
    "eval": "evaluates strings as code (eval)",
    "__import__": "imports modules by name (__import__)",
    "globals": "edits the global namespace (globals())",
}
SUSPICIOUS_ATTRS = {"__code__", "__globals__", "__builtins__", "__dict__", "__class__", "__subclasses__",
                    "f_back", "f_globals", "f_locals", "tb_frame", "modules"}


def _dotted(node: ast.AST) -> str:
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return ""


def static_flags(code: str, cell: str, protected_names: Iterable[str] = (), module_aliases: Iterable[str] = ()) -> list[Flag]:
    """Constructs in a student's cell that an honest solution does not need.

    Args:
        code: the cell's source (IPython magics are flagged, then ignored).
        protected_names: names bound by setup cells that test cells read (``check_close``, ``torch``...):
            defining or assigning them is flagged.
        module_aliases: names bound to modules by the setup cells (``torch``, ``np``, ``F``...):
            assigning their attributes is flagged.
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
    protected, modules = set(protected_names), set(module_aliases)

    def add(detail: str) -> None:
        if all(f.detail != detail for f in flags):
            flags.append(Flag("static", detail, cell))

    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            for name in names:
                root = name.split(".")[0]
                if root in SUSPICIOUS_MODULES:
                    add(f"imports {root}: {SUSPICIOUS_MODULES[root]}")
                if name == "sys" or (isinstance(node, ast.ImportFrom) and node.module == "sys"):
                    pass
            if isinstance(node, ast.ImportFrom) and node.module == "os":
                for alias in node.names:
                    full = f"os.{alias.name}"
                    if full in SUSPICIOUS_CALLS:
                        add(f"imports {full}: {SUSPICIOUS_CALLS[full]}")
        elif isinstance(node, ast.Call):
            name = _dotted(node.func)
            if name in SUSPICIOUS_CALLS:
                add(f"calls {name}: {SUSPICIOUS_CALLS[name]}")
            if name in ("setattr", "delattr") and node.args:
                # setattr(model, name, layer) is how modules are replaced; on a library it is a patch.
                target = _dotted(node.args[0])
                if target and (target.split(".")[0] in modules | {"builtins", "sys", "__builtins__"}):
                    add(f"calls {name} on `{target}`, a library")
            if name in ("open", "io.open", "os.open") and node.args:
                arg = node.args[0]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    if arg.value.startswith(("/", "~")) or ".." in arg.value:
                        add(f"opens a file outside its folder: {arg.value!r}")
                else:
                    add("opens a file whose name is computed")
        elif isinstance(node, ast.Attribute):
            if node.attr in SUSPICIOUS_ATTRS and (node.attr != "modules" or _dotted(node.value) == "sys"):
                add(f"uses the attribute {node.attr}")
        elif isinstance(node, ast.Name) and node.id in ("__builtins__",):
            add("uses __builtins__")
        if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Delete)):
            targets = node.targets if isinstance(node, (ast.Assign, ast.Delete)) else [node.target]
            for target in targets:
                for sub in ast.walk(target):
                    if isinstance(sub, ast.Name) and sub.id in protected:
                        add(f"assigns the name `{sub.id}` that test cells use")
                    if isinstance(sub, ast.Attribute) and isinstance(sub.ctx, (ast.Store, ast.Del)):
                        base = _dotted(sub.value)
                        if base and base.split(".")[0] in modules:
                            add(f"assigns the attribute `{base}.{sub.attr}` of a library")
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.name in protected:
            add(f"defines `{node.name}`, a name that test cells use")
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            for name in node.names:
                if name in protected:
                    add(f"declares `{name}` global to replace it")
    return flags


def without_magics(code: str) -> str:
    """The cell with IPython magic and shell-escape lines blanked (they are not Python)."""
    return "\n".join(l if not l.lstrip().startswith(("%", "!")) else "" for l in code.splitlines())


def parse_cell(code: str) -> ast.Module | None:
    """The cell's syntax tree (magics blanked), or None when it does not parse."""
    try:
        return ast.parse(without_magics(code))
    except SyntaxError:
        return None


# The name analyses below are cached by source: the engine asks about the same lesson and test cells for
# every student of a class. They return frozensets, so that no caller can change a cached answer.
@functools.lru_cache(maxsize=8192)
def import_names(code: str) -> frozenset[str]:
    """Names a cell binds with ``import`` (modules, functions and classes of libraries)."""
    tree = parse_cell(code)
    return frozenset() if tree is None else frozenset(
        alias.asname or alias.name.split(".")[0] for node in tree.body
        if isinstance(node, (ast.Import, ast.ImportFrom)) for alias in node.names)


@functools.lru_cache(maxsize=8192)
def bound_names(code: str) -> frozenset[str]:
    """Names a cell binds at its top level (imports, definitions, assignments, loop targets)."""
    tree = parse_cell(code)
    if tree is None:
        return frozenset()
    names = set()
    for node in tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update(alias.asname or alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        else:
            names.update(sub.id for sub in ast.walk(node) if isinstance(sub, ast.Name) and isinstance(sub.ctx, ast.Store))
    return frozenset(names)


@functools.lru_cache(maxsize=8192)
def read_names(code: str) -> frozenset[str]:
    """Every global name a cell reads: at its top level, or from inside its functions, classes and
    comprehensions (their own parameters and locals excluded), as Python's symbol table resolves them."""
    import symtable

    try:
        top = symtable.symtable(without_magics(code), "<cell>", "exec")
    except SyntaxError:
        return frozenset()
    names = {sym.get_name() for sym in top.get_symbols() if sym.is_referenced()}
    stack = list(top.get_children())
    while stack:
        table = stack.pop()
        names |= {sym.get_name() for sym in table.get_symbols() if sym.is_referenced() and sym.is_global()}
        stack.extend(table.get_children())
    return frozenset(names)


def _expr_reads(node: ast.AST | None) -> frozenset[str]:
    if node is None:
        return frozenset()
    return read_names(ast.unparse(node))


def _target_names(node: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}


def _block_reads(body: list, bound: set[str], free: set[str]) -> None:
    """Walk statements in order, adding to ``free`` what is read before being bound (conservatively:
    a name bound only in one branch of an ``if`` counts as bound after it)."""
    for stmt in body:
        if isinstance(stmt, (ast.For, ast.AsyncFor)):
            free |= _expr_reads(stmt.iter) - bound
            bound |= _target_names(stmt.target)
            _block_reads(stmt.body + stmt.orelse, bound, free)
        elif isinstance(stmt, (ast.With, ast.AsyncWith)):
            for item in stmt.items:
                free |= _expr_reads(item.context_expr) - bound
                if item.optional_vars is not None:
                    bound |= _target_names(item.optional_vars)
            _block_reads(stmt.body, bound, free)
        elif isinstance(stmt, (ast.If, ast.While)):
            free |= _expr_reads(stmt.test) - bound
            _block_reads(stmt.body + stmt.orelse, bound, free)
        elif isinstance(stmt, ast.Try):
            _block_reads(stmt.body, bound, free)
            for handler in stmt.handlers:
                free |= _expr_reads(handler.type) - bound
                if handler.name:
                    bound.add(handler.name)
                _block_reads(handler.body, bound, free)
            _block_reads(stmt.orelse + stmt.finalbody, bound, free)
        elif isinstance(stmt, ast.Assign):
            free |= _expr_reads(stmt.value) - bound
            for target in stmt.targets:  # subscripts and attributes of targets are reads
                free |= {n.id for n in ast.walk(target) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)} - bound
                bound |= {n.id for n in ast.walk(target) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
        else:
            segment = ast.unparse(stmt)
            free |= read_names(segment) - bound
            bound |= bound_names(segment)


@functools.lru_cache(maxsize=8192)
def free_reads(code: str) -> frozenset[str]:
    """The names a cell reads from outside itself: read (directly, or from inside its functions,
    classes and comprehensions) before the cell bound them. ``x = x + 1`` reads the outside ``x``;
    ``y = 1; print(y)`` and ``for i in r: print(i)`` read no outside ``y`` or ``i``."""
    tree = parse_cell(code)
    if tree is None:
        return frozenset()
    free: set[str] = set()
    _block_reads(tree.body, set(), free)
    return frozenset(free)
