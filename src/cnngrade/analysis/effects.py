"""Side effects of a cell, read statically: may it be left out (a lesson cell the engine skips, a variant the
proofs pack with others) without changing what any other cell sees?"""
from __future__ import annotations

import ast
import functools
import re

from .seeding import is_seeding_call

_GLOBAL_SETTERS = re.compile(r"(^set_|^use$|config|^enable|^disable|filterwarnings|simplefilter|register|"
                             r"environ|chdir|putenv|^rc$|rcParams|^style|default|^reset|^clear_session)")


def _local_names(tree: ast.AST) -> set[str]:
    """Every name the cell binds anywhere: top level, loops, functions (and their parameters), classes."""
    names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
    names |= {a.arg for n in ast.walk(tree) if isinstance(n, ast.arguments)
              for a in n.posonlyargs + n.args + n.kwonlyargs + [x for x in (n.vararg, n.kwarg) if x]}
    names |= {n.name for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))}
    return names


def _restores_thread_count(tree: ast.AST) -> bool:
    """``saved = torch.get_num_threads(); torch.set_num_threads(1); ...; torch.set_num_threads(saved)``."""
    saved = {t.id for n in ast.walk(tree) if isinstance(n, ast.Assign) and isinstance(n.value, ast.Call)
             and isinstance(n.value.func, ast.Attribute) and n.value.func.attr == "get_num_threads"
             for t in n.targets if isinstance(t, ast.Name)}
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
             and n.func.attr == "set_num_threads"]
    last = max(calls, key=lambda n: (n.lineno, n.col_offset)) if calls else None
    return last is not None and len(last.args) == 1 and isinstance(last.args[0], ast.Name) and last.args[0].id in saved


@functools.lru_cache(maxsize=4096)
def self_contained(code: str) -> bool:
    """No magic, no global state change, no mutation of objects that other cells made (a lesson cell the
    engine may skip; a variant ``cnngrade.authoring.prove`` may grade in one notebook with variants of other exercises)."""
    if any(line.lstrip().startswith(("%", "!")) for line in code.splitlines()):
        return False
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return False
    own = _local_names(tree)
    threads_restored = _restores_thread_count(tree)
    for node in ast.walk(tree):
        if isinstance(node, (ast.Global, ast.Nonlocal)):
            return False
        if isinstance(node, (ast.Attribute, ast.Subscript)) and isinstance(node.ctx, (ast.Store, ast.Del)):
            base = node.value
            while isinstance(base, (ast.Attribute, ast.Subscript)):
                base = base.value
            if not (isinstance(base, ast.Name) and base.id in own):
                return False
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name) and func.id in ("setattr", "delattr"):
                # setattr(owner, name, ...) reaches any object (a loop over library functions): only a
                # method setting its own attributes, setattr(self, ...), is known to stay inside the cell
                target = node.args[0] if node.args else None
                if not (isinstance(target, ast.Name) and target.id == "self"):
                    return False
                continue
            base = func
            while isinstance(base, (ast.Attribute, ast.Subscript, ast.Call)):
                base = base.func if isinstance(base, ast.Call) else base.value
            if isinstance(base, ast.Name) and base.id in own:
                continue  # a method of an object this cell made (ax.set_xticks)
            name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            if is_seeding_call(name) or (name == "set_num_threads" and threads_restored):
                continue
            if _GLOBAL_SETTERS.search(name):
                return False
    return True

