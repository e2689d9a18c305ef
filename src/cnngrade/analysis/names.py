"""Which names a cell imports, binds and reads, read statically (no execution).

The engine's cell plan (``engine.prepare.plan_cells``), the proofs' dependency analysis
(``authoring.prove.exercise_dependencies``) and the worker (which names a test cell may not find shadowed,
``isolation.worker``) ask the same questions about the same cells, so the answers are cached by source.
"""
from __future__ import annotations

import ast
import functools


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
