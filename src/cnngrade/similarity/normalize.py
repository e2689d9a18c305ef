"""What a student wrote, reduced to the tokens that survive the usual disguises.

A code cell goes through Python's own ``ast``:

* comments, docstrings, blank lines and layout disappear (the tokens come from ``ast.unparse``);
* type annotations go, keyword arguments are sorted by name (``f(b=1, a=2)`` is ``f(a=2, b=1)``);
* dead code goes: ``print``/``display``/``pass`` statements and bare constants, ``if False:`` blocks,
  statements after a ``return``/``raise``/``break``/``continue``, and assignments inside a function to
  local names that nothing reads (repeated until none is left);
* every name the student chose (local variables, helper functions and classes, attributes stored with
  ``self.x = ...``) becomes ``_v`` / ``_a``; the names the released stub gives (the exercise's function,
  class, method and parameter names) and everything the code did not bind itself (``torch``, ``nn``,
  ``.view``, ``kernel_size=``) stay, since they say what the code does;
* statements whose order does not matter are put in one canonical order: inside each block, a
  statement must stay after an earlier one only when one writes what the other reads or writes (names
  and ``self.attr`` paths), or either is a barrier (a bare call, a return, a loop or branch that
  returns); among the orders that respect this, the one that sorts statements by their normalised
  text first is taken, so every reordering of independent statements gives the same token stream.

Each token keeps the line span (in the student's cell) of the statement it came from, so a matching
fingerprint can be shown on the student's own code.

A cell that does not parse (a syntax error, IPython magics in odd places) falls back to Python's
``tokenize`` (comments and layout dropped, names not in the stub renamed) and then to words.
Markdown answers become lower-case words without function words.
"""
from __future__ import annotations

import ast
import builtins
import copy
import heapq
import io
import keyword
import re
import tokenize
from dataclasses import dataclass

VAR, ATTR = "_v", "_a"
DEAD_CALLS = {"print", "display", "pprint"}
MAX_SOURCE_CHARS = 100_000  # a cell longer than this is cut (nobody writes a 100 kB solution)
_BUILTIN_NAMES = set(dir(builtins))


@dataclass(frozen=True)
class Token:
    text: str
    first_line: int  # 1-based lines of the student's cell
    last_line: int


# -- names a cell binds, given names ------------------------------------------------------------------
def given_names(stub: str) -> set[str]:
    """Names the released stub defines: function, class, method and parameter names (kept as they are)."""
    try:
        tree = ast.parse(_strip_magics(stub))
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return set()
    return _bound_names(tree, definitions_only=True)[0]


def _bound_names(tree: ast.AST, definitions_only: bool = False) -> tuple[set[str], set[str]]:
    """(names the code binds, attribute names it stores: ``self.main = ...`` binds ``main``); with
    ``definitions_only``, only the names of functions, classes and parameters."""
    names: set[str] = set()
    attrs: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.arg):
            names.add(node.arg)
        elif definitions_only:
            continue
        elif isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            names.add(node.id)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            attrs.add(node.attr)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            names.add(node.name)
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            names.update(node.names)
    return names, attrs


# -- read / write sets for reordering -----------------------------------------------------------------
def _path(node: ast.AST) -> str | None:
    """``self.main.conv`` -> "self.main.conv"; None for anything but names and attributes of names."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(getattr(node, "original", node.attr))
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(getattr(node, "original", node.id))
        return ".".join(reversed(parts))
    return None


_CONTROL = (ast.Return, ast.Raise, ast.Break, ast.Continue, ast.Yield, ast.YieldFrom, ast.Await,
            ast.Global, ast.Nonlocal)


def effects(stmt: ast.stmt) -> tuple[set[str], set[str], bool]:
    """(paths read, paths written, barrier) of a statement.

    A method called on an object the code bound itself (``Name.local``, see ``mark_locals``) writes that
    object. A barrier keeps its place: a bare call or other expression statement (its effects are unknown), a
    return/raise/break/continue/yield, an import, ``del``, ``global``, and any compound statement that
    contains one of the control-flow statements.
    """
    reads: set[str] = set()
    writes: set[str] = set()
    barrier = isinstance(stmt, (ast.Expr, ast.Delete, ast.Import, ast.ImportFrom, ast.Assert))
    nodes = list(ast.walk(stmt))
    # only the outermost name/attribute chain counts: `self.main(x)` reads self.main, not self
    inner = {id(node.value) for node in nodes if isinstance(node, ast.Attribute)}
    for node in nodes:
        if isinstance(node, _CONTROL):
            barrier = True
        elif isinstance(node, (ast.Name, ast.Attribute)) and id(node) not in inner:
            path = _path(node)
            if path is None:
                continue
            if isinstance(node.ctx, (ast.Store, ast.Del)):
                writes.add(path)
            else:
                reads.add(path)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            root = node.func.value
            while isinstance(root, ast.Attribute):
                root = root.value
            if getattr(root, "local", False):  # `part.append(y)` writes part
                path = _path(node.func.value)
                if path:
                    writes.add(path)
        elif isinstance(node, ast.Subscript) and isinstance(node.ctx, (ast.Store, ast.Del)):
            path = _path(node.value)
            if path:
                writes.add(path)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            writes.add(getattr(node, "original", node.name))
        elif isinstance(node, ast.AugAssign):
            target = node.target.value if isinstance(node.target, ast.Subscript) else node.target
            path = _path(target)
            if path:
                reads.add(path)
                writes.add(path)
    return reads, writes, barrier


def mark_locals(tree: ast.AST) -> None:
    """Mark (``local = True``) the Name nodes of names the code binds itself (parameters included): a method
    called on such an object may change it (``blocks.append(x)``), one called on a module does not."""
    names, _ = _bound_names(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id in names:
            node.local = True


def _overlaps(a: str, b: str) -> bool:
    return a == b or a.startswith(b + ".") or b.startswith(a + ".")


def _conflict(first: tuple[set[str], set[str], bool], second: tuple[set[str], set[str], bool]) -> bool:
    r1, w1, b1 = first
    r2, w2, b2 = second
    if b1 or b2:
        return True
    return any(_overlaps(w, x) for w in w1 for x in r2 | w2) or any(_overlaps(r, w) for r in r1 for w in w2)


def canonical_order(stmts: list[ast.stmt], key) -> list[ast.stmt]:
    """The order of ``stmts`` that keeps every conflicting pair in place and otherwise sorts by ``key``."""
    if len(stmts) < 2:
        return stmts
    eff = [effects(s) for s in stmts]
    n = len(stmts)
    preds = [0] * n
    succs: list[list[int]] = [[] for _ in range(n)]
    for j in range(n):
        for i in range(j):
            if _conflict(eff[i], eff[j]):
                succs[i].append(j)
                preds[j] += 1
    keys = [key(s) for s in stmts]
    ready = [(keys[i], i) for i in range(n) if preds[i] == 0]
    heapq.heapify(ready)
    order = []
    while ready:
        _, i = heapq.heappop(ready)
        order.append(stmts[i])
        for j in succs[i]:
            preds[j] -= 1
            if preds[j] == 0:
                heapq.heappush(ready, (keys[j], j))
    return order


# -- the AST normaliser --------------------------------------------------------------------------------
def _is_dead_expr(stmt: ast.stmt) -> bool:
    if not isinstance(stmt, ast.Expr):
        return isinstance(stmt, ast.Pass)
    value = stmt.value
    if isinstance(value, ast.Constant):  # docstrings, stray strings and numbers
        return True
    if isinstance(value, ast.Call):
        func = value.func
        name = func.id if isinstance(func, ast.Name) else None
        if name in DEAD_CALLS:
            return True
    return False


def _constant_truth(test: ast.expr) -> bool | None:
    if isinstance(test, ast.Constant):
        return bool(test.value)
    return None


_BODY_FIELDS = ("body", "orelse", "finalbody")


class _Cleaner(ast.NodeTransformer):
    """Dead code, annotations, keyword order: everything but renaming and reordering."""

    def _block(self, stmts: list[ast.stmt]) -> list[ast.stmt]:
        out: list[ast.stmt] = []
        for stmt in stmts:
            if _is_dead_expr(stmt):
                continue
            if isinstance(stmt, (ast.If, ast.While)):
                truth = _constant_truth(stmt.test)
                if truth is False:
                    out.extend(self._block(stmt.orelse) if isinstance(stmt, ast.If) else [])
                    continue
                if truth is True and isinstance(stmt, ast.If):
                    out.extend(self._block(stmt.body))
                    continue
            new = self.visit(stmt)
            if new is None:
                continue
            out.extend(new if isinstance(new, list) else [new])
            if isinstance(stmt, (ast.Return, ast.Raise, ast.Break, ast.Continue)):
                break  # unreachable after this
        return out

    def generic_visit(self, node):
        for name in _BODY_FIELDS:
            stmts = getattr(node, name, None)
            if isinstance(stmts, list) and stmts and isinstance(stmts[0], ast.stmt):
                cleaned = self._block(stmts)
                if not cleaned and name == "body":
                    cleaned = [ast.Pass()]
                setattr(node, name, cleaned)
        for field, value in ast.iter_fields(node):
            if field in _BODY_FIELDS:
                continue
            if isinstance(value, list):
                new_values = []
                for item in value:
                    if isinstance(item, ast.AST):
                        item = self.visit(item)
                        if item is None:
                            continue
                    new_values.append(item)
                setattr(node, field, new_values)
            elif isinstance(value, ast.AST):
                setattr(node, field, self.visit(value))
        return node

    def visit_arg(self, node: ast.arg):
        node.annotation = None
        return node

    def visit_FunctionDef(self, node):
        node.returns = None
        node.decorator_list = [self.visit(d) for d in node.decorator_list]
        self.generic_visit(node)
        _drop_dead_stores(node)
        return node

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_AnnAssign(self, node: ast.AnnAssign):
        if node.value is None:
            return None
        return ast.copy_location(ast.Assign(targets=[node.target], value=self.visit(node.value)), node)

    def visit_Call(self, node: ast.Call):
        self.generic_visit(node)
        node.keywords.sort(key=lambda k: (k.arg is None, k.arg or ""))
        return node


def _drop_dead_stores(func: ast.FunctionDef) -> None:
    """Remove assignments to local names that nothing in the function reads (until none is left)."""
    declared = {n for node in ast.walk(func) if isinstance(node, (ast.Global, ast.Nonlocal)) for n in node.names}
    while True:
        loaded = {n.id for n in ast.walk(func) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
        removed = False
        for node in ast.walk(func):
            for name in _BODY_FIELDS:
                stmts = getattr(node, name, None)
                if not isinstance(stmts, list) or not stmts or not isinstance(stmts[0], ast.stmt):
                    continue
                kept = []
                for stmt in stmts:
                    if isinstance(stmt, (ast.Assign, ast.AugAssign)):
                        targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
                        names = [t for t in targets if isinstance(t, ast.Name)]
                        if len(names) == len(targets) and all(t.id not in loaded and t.id not in declared for t in names):
                            removed = True
                            continue
                    kept.append(stmt)
                if len(kept) != len(stmts):
                    setattr(node, name, kept or [ast.Pass()])
        if not removed:
            return


def _inline_helpers(tree: ast.Module) -> None:
    """Undo a function split: a helper defined in the cell and called once, as a statement, with plain
    names as arguments, is replaced by its body at the call (its ``return`` becomes the assignment).

    After renaming, parameters and arguments are all ``_v``, so this gives the tokens of the code
    written as one function. Functions and methods (``self.helper(...)``) of the cell both count."""
    for _ in range(4):  # helpers of helpers
        defs: dict[str, tuple[list, ast.FunctionDef]] = {}
        for container in [tree] + [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)]:
            for stmt in container.body:
                if isinstance(stmt, ast.FunctionDef) and not stmt.decorator_list and not stmt.name.startswith("__"):
                    defs.setdefault(stmt.name, (container.body, stmt))
        calls: dict[str, list] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.id if isinstance(func, ast.Name) else \
                    func.attr if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "self" else None
                if name in defs:
                    calls.setdefault(name, []).append(node)
            elif isinstance(node, ast.Name) and node.id in defs and isinstance(node.ctx, ast.Load):
                calls.setdefault(node.id, []).append(node)  # used as a value: not inlinable unless it is the call's func
        changed = False
        for name, (container_body, func) in defs.items():
            uses = [u for u in calls.get(name, []) if isinstance(u, ast.Call)]
            bare = [u for u in calls.get(name, []) if isinstance(u, ast.Name)]
            if len(uses) != 1 or len(bare) > 1 or (bare and bare[0] is not uses[0].func):
                continue
            call = uses[0]
            if call.keywords or not all(isinstance(a, ast.Name) for a in call.args):
                continue
            body = [s for s in func.body if not _is_dead_expr(s)]
            if any(isinstance(n, (ast.Return, ast.Yield, ast.YieldFrom)) for s in body[:-1] for n in ast.walk(s)):
                continue
            if any(isinstance(n, (ast.Yield, ast.YieldFrom, ast.Global, ast.Nonlocal)) for s in body for n in ast.walk(s)):
                continue
            result = body[-1].value if body and isinstance(body[-1], ast.Return) else None
            if body and isinstance(body[-1], ast.Return):
                body = body[:-1]
            site = _statement_of(tree, call)
            if site is None:
                continue
            block, index, stmt = site
            if isinstance(stmt, ast.Expr) and stmt.value is call:
                replacement = body
            elif isinstance(stmt, ast.Assign) and stmt.value is call and result is not None:
                same = ast.dump(_as_load(stmt.targets[0])) == ast.dump(_as_load(result)) and len(stmt.targets) == 1
                replacement = body + ([] if same else [ast.copy_location(ast.Assign(stmt.targets, result), stmt)])
            elif isinstance(stmt, ast.Return) and stmt.value is call and result is not None:
                replacement = body + [ast.copy_location(ast.Return(result), stmt)]
            else:
                continue
            block[index:index + 1] = replacement or [ast.Pass()]
            container_body.remove(func)
            changed = True
            break
        if not changed:
            return


def _as_load(node: ast.AST) -> ast.AST:
    node = copy.deepcopy(node)
    for sub in ast.walk(node):
        if hasattr(sub, "ctx"):
            sub.ctx = ast.Load()
    return node


def _statement_of(tree: ast.AST, target: ast.AST):
    """(block, index, statement) of the statement whose direct value is ``target``."""
    for node in ast.walk(tree):
        for name in _BODY_FIELDS:
            block = getattr(node, name, None)
            if not isinstance(block, list):
                continue
            for index, stmt in enumerate(block):
                if isinstance(stmt, ast.stmt) and getattr(stmt, "value", None) is target:
                    return block, index, stmt
    return None


class _Renamer(ast.NodeTransformer):
    def __init__(self, names: set[str], attrs: set[str]):
        self.names, self.attrs = names, attrs

    # the original names stay on the nodes (``original``): the reordering reads them after renaming

    def visit_Name(self, node: ast.Name):
        if node.id in self.names:
            node.original, node.id = node.id, VAR
        return node

    def visit_arg(self, node: ast.arg):
        if node.arg in self.names:
            node.arg = VAR
        return node

    def visit_Attribute(self, node: ast.Attribute):
        self.generic_visit(node)
        if node.attr in self.attrs:
            node.original, node.attr = node.attr, ATTR
        return node

    def _def(self, node):
        self.generic_visit(node)
        if node.name in self.names:
            node.original, node.name = node.name, VAR
        return node

    visit_FunctionDef = visit_AsyncFunctionDef = visit_ClassDef = _def

    def visit_ExceptHandler(self, node):
        self.generic_visit(node)
        if node.name in self.names:
            node.name = VAR
        return node

    def visit_keyword(self, node: ast.keyword):
        self.generic_visit(node)
        return node


def _reorder(tree: ast.AST) -> None:
    """Canonical order in every block of a renamed tree (dependencies from the original names)."""
    for child in ast.iter_child_nodes(tree):  # inner blocks first: a statement's key is its canonical text
        _reorder(child)
    for name in _BODY_FIELDS:
        stmts = getattr(tree, name, None)
        if isinstance(stmts, list) and len(stmts) > 1 and isinstance(stmts[0], ast.stmt):
            setattr(tree, name, canonical_order(stmts, ast.unparse))


_LAYOUT = {tokenize.NEWLINE, tokenize.NL, tokenize.INDENT, tokenize.DEDENT, tokenize.COMMENT, tokenize.ENDMARKER,
           tokenize.ENCODING}


def _text_tokens(text: str) -> list[str]:
    out = []
    for tok in tokenize.generate_tokens(io.StringIO(text).readline):
        if tok.type not in _LAYOUT:
            out.append(tok.string)
    return out


def _emit(stmts: list[ast.stmt], out: list[Token], parent_line: int = 1) -> None:
    for stmt in stmts:
        if not hasattr(stmt, "lineno"):  # a `pass` the cleaner put in an emptied block
            stmt.lineno = stmt.end_lineno = parent_line
        lists = [(name, getattr(stmt, name)) for name in (*_BODY_FIELDS, "handlers")
                 if isinstance(getattr(stmt, name, None), list) and getattr(stmt, name)]
        if not lists:
            for text in _text_tokens(ast.unparse(stmt)):
                out.append(Token(text, stmt.lineno, stmt.end_lineno or stmt.lineno))
            continue
        header = copy.copy(stmt)
        for name, _ in lists:
            if name == "handlers":
                setattr(header, name, [ast.ExceptHandler(type=h.type, name=h.name, body=[ast.Pass()]) for h in stmt.handlers])
            else:
                setattr(header, name, [ast.Pass()])
        first_body = min((s.lineno for _, body in lists for s in body if hasattr(s, "lineno")), default=stmt.lineno)
        header_last = max(stmt.lineno, first_body - 1)
        for text in _text_tokens(ast.unparse(header)):
            if text != "pass":
                out.append(Token(text, stmt.lineno, header_last))
        for name, body in lists:
            if name == "handlers":
                for handler in body:
                    _emit(handler.body, out, stmt.lineno)
            else:
                _emit(body, out, stmt.lineno)


_MAGIC = re.compile(r"^\s*[%!]")


def _strip_magics(source: str) -> str:
    """IPython magics and shell lines become blank lines (line numbers kept)."""
    return "\n".join("" if _MAGIC.match(line) else line for line in source.splitlines())


def code_tokens(source: str, given: set[str] | frozenset = frozenset()) -> tuple[list[Token], str]:
    """Normalised tokens of a code cell, and how it was read ("ast", "tokens" or "words")."""
    source = _strip_magics(source[:MAX_SOURCE_CHARS])
    try:
        tree = ast.parse(source)
        tree = _Cleaner().visit(tree)
        _inline_helpers(tree)
        names, attrs = _bound_names(tree)
        mark_locals(tree)
        tree = _Renamer(names - given, attrs - given).visit(tree)
        _reorder(tree)
        out: list[Token] = []
        _emit(tree.body, out)
        return out, "ast"
    except (SyntaxError, ValueError, RecursionError, MemoryError, tokenize.TokenError):
        pass
    try:
        return _fallback_tokens(source, given), "tokens"
    except (SyntaxError, tokenize.TokenError, IndentationError, ValueError):
        return word_tokens(source, drop_stopwords=False), "words"


def _fallback_tokens(source: str, given) -> list[Token]:
    out = []
    previous = ""
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type in _LAYOUT:
            continue
        text = tok.string
        if tok.type == tokenize.NAME and not keyword.iskeyword(text) and text not in given \
                and text not in _BUILTIN_NAMES and previous != ".":
            text = VAR
        out.append(Token(text, tok.start[0], tok.end[0]))
        previous = tok.string
    return out


_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# function words carry no evidence and are what a copier swaps first ("the" -> "this", "is" -> "was")
STOPWORDS = frozenset("""a an the this that these those is are was were be been being it its of in on at to for from by
with as and or but not no so if then than there here which who whom what when where why how also very just only
such into onto over under about after before while because since do does did has have had i we you they he she
our your their my me us them can could may might will would shall should must one""".split())


def word_tokens(text: str, drop_stopwords: bool = True) -> list[Token]:
    """Lower-case words of a written answer, with their lines (markdown syntax, punctuation and function
    words dropped)."""
    out = []
    for number, line in enumerate(text[:MAX_SOURCE_CHARS].splitlines(), start=1):
        for word in _WORD.findall(line.lower()):
            if not (drop_stopwords and word in STOPWORDS):
                out.append(Token(word, number, number))
    return out
