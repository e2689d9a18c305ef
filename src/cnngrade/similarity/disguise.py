"""Deterministic rewrites of a solution cell, for the benchmark.

*Disguises* are what a student who copies does to hide it (the issue's list): rename identifiers, strip
or change comments and docstrings, reformat, reorder independent statements, add dead code and prints,
split a function in two (and, by swapping the roles of the two students, merge two into one). They
work on the text, so each leaves everything else as it was (a rename keeps the comments, a reformat
keeps the names); every result is checked to still parse.

*Honest variation* is what makes two students who solve an exercise the same way still write
different code: a temporary for a returned value, a nested call pulled out into a variable, ``x += y``
for ``x = x + y``, ``b == a`` for ``a == b``, ``x.size(1)`` for ``x.shape[1]``, a tuple for a list, a
negated ``if`` with its branches swapped, ``range(0, n)``, ``torch.relu`` for ``F.relu``. Each site is
rewritten with some probability, so two honest students share the idea and the common parts of the
code, but not the particular combination. (This is a model of honest students, stated so that it can be
argued with: the benchmark's honest pairs differ in these ways, its copies do not.)
"""
from __future__ import annotations

import ast
import copy
import io
import random
import re
import tokenize

from .normalize import _BODY_FIELDS, _conflict, effects, mark_locals

NAME_WORDS = ["tmp", "val", "res", "out", "feat", "buf", "acc", "part", "item", "data", "layer", "block",
              "stage", "hidden", "inner", "temp", "node", "piece", "chunk", "store"]
COMMENTS = ["compute the output", "apply the layer", "as in the paper", "shape check", "see lecture notes",
            "this is the main step", "keep channels", "NCHW layout", "careful with the padding", "done"]


class DisguiseError(ValueError):
    pass


def _check(code: str, what: str) -> str:
    try:
        ast.parse(code)
    except SyntaxError as err:
        raise DisguiseError(f"{what} produced code that does not parse: {err}\n{code}") from None
    return code


def _tokens(code: str) -> list[tokenize.TokenInfo]:
    return list(tokenize.generate_tokens(io.StringIO(code).readline))


def _replace_tokens(code: str, replacements: dict[tuple[int, int], tuple[tuple[int, int], str]]) -> str:
    """Replace text between token positions: {start: (end, new text)} (rows 1-based, columns 0-based)."""
    lines = code.splitlines(keepends=True)
    for (row, col), ((end_row, end_col), text) in sorted(replacements.items(), reverse=True):
        if row != end_row:
            head = lines[row - 1][:col]
            tail = lines[end_row - 1][end_col:]
            lines[row - 1:end_row] = [head + text + tail]
        else:
            line = lines[row - 1]
            lines[row - 1] = line[:col] + text + line[end_col:]
    return "".join(lines)


# -- disguises ----------------------------------------------------------------------------------------
def rename(code: str, given: set[str], rng: random.Random) -> str:
    """Rename every name (and stored attribute) the code binds that the stub does not give."""
    tree = ast.parse(code)
    methods = {f.name for c in ast.walk(tree) if isinstance(c, ast.ClassDef) for f in c.body
               if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef))}  # forward, build, call...: the framework's
    in_strings = set(re.findall(r"[A-Za-z_]\w*", " ".join(t.string for t in _tokens(code) if t.type == tokenize.STRING
                                                        and re.match(r"[rRbB]?[fF]", t.string))))  # f-string fields
    given = set(given) | methods | in_strings | {"self", "cls"}
    names, attrs = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and node.name not in given:
            names.add(node.name)
        elif isinstance(node, ast.arg) and node.arg not in given:
            names.add(node.arg)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store) and node.id not in given:
            names.add(node.id)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store) and node.attr not in given:
            attrs.add(node.attr)
    words = NAME_WORDS[:]
    rng.shuffle(words)
    mapping = {}
    for i, name in enumerate(sorted(names | attrs)):
        mapping[name] = f"{words[i % len(words)]}{i // len(words) or ''}_{rng.randint(1, 9)}"
    toks = _tokens(code)
    repl = {}
    depth = 0
    for i, tok in enumerate(toks):
        if tok.type == tokenize.OP and tok.string in "([{":
            depth += 1
        elif tok.type == tokenize.OP and tok.string in ")]}":
            depth -= 1
        if tok.type != tokenize.NAME or tok.string not in mapping:
            continue
        prev = toks[i - 1].string if i else ""
        nxt = toks[i + 1].string if i + 1 < len(toks) else ""
        if depth > 0 and nxt == "=" and prev in ("(", ","):
            continue  # a keyword argument's name belongs to the function called
        if prev == "." and tok.string not in attrs:
            continue
        if prev != "." and tok.string not in names:
            continue
        repl[tok.start] = (tok.end, mapping[tok.string])
    return _check(_replace_tokens(code, repl), "rename")


def _docstring_lines(tree: ast.AST) -> set[int]:
    lines = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and len(node.body) > 1:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
                lines.update(range(first.lineno, (first.end_lineno or first.lineno) + 1))
    return lines


def recomment(code: str, rng: random.Random) -> str:
    """Drop every comment and docstring, then write other comments above some statements."""
    repl = {tok.start: (tok.end, "") for tok in _tokens(code) if tok.type == tokenize.COMMENT}
    code = _replace_tokens(code, repl)
    drop = _docstring_lines(ast.parse(code))
    lines = [line.rstrip() for i, line in enumerate(code.splitlines(), start=1) if i not in drop]
    lines = [line for line in lines if line.strip() or not line]
    code = _check("\n".join(lines) + "\n", "recomment (strip)")
    starts = _statement_starts(ast.parse(code))
    out = []
    for number, line in enumerate(code.splitlines(), start=1):
        if number in starts and rng.random() < 0.4:
            out.append(" " * starts[number] + "# " + rng.choice(COMMENTS))
        out.append(line)
    return _check("\n".join(out) + "\n", "recomment")


def _statement_starts(tree: ast.AST) -> dict[int, int]:
    """{first line: column} of every statement that starts a line of its own (decorators included).

    Not a line where two statements start (``a = 1; b = 2``, ``if x: y()``), nor one that a simple
    statement started on an earlier line still covers."""
    spans = []
    for node in ast.walk(tree):
        if isinstance(node, ast.stmt):
            first = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])])
            simple = not any(isinstance(getattr(node, f, None), list) and getattr(node, f) for f in (*_BODY_FIELDS, "handlers"))
            spans.append((first, node.end_lineno or node.lineno, node.col_offset, simple))
    count = {}
    for first, _, _, _ in spans:
        count[first] = count.get(first, 0) + 1
    covered = {line for first, last, _, simple in spans if simple for line in range(first + 1, last + 1)}
    return {first: col for first, _, col, _ in spans if count[first] == 1 and first not in covered}


def reformat(code: str, rng: random.Random) -> str:
    """Other spacing, blank lines and quotes; names, comments and order unchanged."""
    toks = []
    for tok in _tokens(code):
        text = tok.string
        if tok.type == tokenize.STRING and re.fullmatch(r"'[^'\"\\]*'", text):
            text = '"' + text[1:-1] + '"'
        elif tok.type == tokenize.STRING and re.fullmatch(r'"[^\'"\\]*"', text):
            text = "'" + text[1:-1] + "'"
        toks.append((tok.type, text))
    code = tokenize.untokenize(toks)
    lines = code.splitlines()
    out = []
    for line in lines:
        out.append(line.rstrip())
        if line.rstrip().endswith(":") is False and rng.random() < 0.25 and not line.rstrip().endswith(("(", "[", ",", "\\")):
            out.append("")
    return _check("\n".join(out) + "\n", "reformat")


def reorder(code: str, rng: random.Random) -> str:
    """Swap adjacent statements that neither read nor write what the other writes."""
    tree = ast.parse(code)
    mark_locals(tree)
    candidates = []
    for node in ast.walk(tree):
        for name in _BODY_FIELDS:
            stmts = getattr(node, name, None)
            if not isinstance(stmts, list) or len(stmts) < 2 or not isinstance(stmts[0], ast.stmt):
                continue
            for first, second in zip(stmts, stmts[1:]):
                if _conflict(effects(first), effects(second)):
                    continue
                a = (min([first.lineno] + [d.lineno for d in getattr(first, "decorator_list", [])]), first.end_lineno)
                b = (min([second.lineno] + [d.lineno for d in getattr(second, "decorator_list", [])]), second.end_lineno)
                if a[1] < b[0]:
                    candidates.append((a, b))
    rng.shuffle(candidates)
    chosen = []
    for a, b in candidates:
        if all(b[1] < c[0][0] or a[0] > c[1][1] for c in chosen):
            chosen.append((a, b))
    if not chosen and candidates:
        chosen = candidates[:1]
    lines = code.splitlines()
    for a, b in sorted(chosen, reverse=True):
        first, gap, second = lines[a[0] - 1:a[1]], lines[a[1]:b[0] - 1], lines[b[0] - 1:b[1]]
        lines[a[0] - 1:b[1]] = second + gap + first
    return _check("\n".join(lines) + "\n", "reorder")


def dead_code(code: str, rng: random.Random) -> str:
    """Prints, unused variables, ``if False:`` blocks and ``pass`` inside the functions."""
    tree = ast.parse(code)
    starts = _statement_starts(tree)
    sites = []
    for func in ast.walk(tree):
        if not isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        known = [a.arg for a in func.args.args if a.arg != "self"] or ["None"]
        for stmt in func.body:
            if stmt.lineno in starts:
                sites.append((stmt.lineno, stmt.col_offset, known))
    if not sites:
        return code
    picked = [s for s in sites if rng.random() < 0.35] or [rng.choice(sites)]
    lines = code.splitlines()
    for number, col, known in sorted(picked, reverse=True):
        pad = " " * col
        name = rng.choice(known)
        choice = rng.randrange(4)
        if choice == 0:
            new = [f'{pad}print("debug:", {name})']
        elif choice == 1:
            new = [f"{pad}unused_{rng.randint(10, 99)} = {name}"]
        elif choice == 2:
            new = [f"{pad}if False:", f'{pad}    print("never runs", {name})']
        else:
            new = [f"{pad}pass"]
        lines[number - 1:number - 1] = new
    return _check("\n".join(lines) + "\n", "dead code")


def split_functions(code: str, rng: random.Random | None = None) -> str:
    """Move the first half of each function's body into a helper that it calls."""
    tree = ast.parse(code)
    starts = _statement_starts(tree)
    edits = []  # (def first line, def col, helper lines, prefix first, prefix last, call line)
    containers = [(tree, False)] + [(n, True) for n in ast.walk(tree) if isinstance(n, ast.ClassDef)]
    for container, is_class in containers:
        for func in container.body:
            if not isinstance(func, ast.FunctionDef) or func.decorator_list:
                continue
            args = func.args
            if args.vararg or args.kwarg or args.kwonlyargs or args.posonlyargs:
                continue
            body = func.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                body = body[1:]
            if len(body) < 2:
                continue
            cut = max(1, len(body) // 2)
            prefix, rest = body[:cut], body[cut:]
            if any(isinstance(n, (ast.Return, ast.Yield, ast.YieldFrom, ast.Global, ast.Nonlocal, ast.Await))
                   for s in prefix for n in ast.walk(s)):
                continue
            if prefix[0].lineno not in starts or rest[0].lineno not in starts:
                continue
            stored = []
            for s in prefix:
                for n in ast.walk(s):
                    if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store) and n.id not in stored:
                        stored.append(n.id)
            loaded = {n.id for s in rest for n in ast.walk(s) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
            returned = [n for n in stored if n in loaded]
            params = [a.arg for a in args.args]
            helper = f"_{func.name.strip('_').lower()}_first_part"
            call_args = params[1:] if is_class and params and params[0] == "self" else params
            target = f"self.{helper}" if is_class and params and params[0] == "self" else helper
            indent = " " * func.col_offset
            body_indent = " " * prefix[0].col_offset
            call = f"{target}({', '.join(call_args)})"
            call_line = body_indent + (f"{', '.join(returned)} = " if returned else "") + call
            edits.append((func.lineno, indent, helper, params, prefix[0].lineno, prefix[-1].end_lineno,
                          body_indent, returned, call_line))
    lines = code.splitlines()
    for def_line, indent, helper, params, first, last, body_indent, returned, call_line in sorted(edits, reverse=True):
        moved = lines[first - 1:last]
        lines[first - 1:last] = [call_line]
        helper_lines = [f"{indent}def {helper}({', '.join(params)}):", *moved]
        if returned:
            helper_lines.append(f"{body_indent}return {', '.join(returned)}")
        lines[def_line - 1:def_line - 1] = helper_lines + [""]
    return _check("\n".join(lines) + "\n", "split")


def disguise(code: str, kind: str, given: set[str], rng: random.Random) -> str:
    if kind == "rename":
        return rename(code, given, rng)
    if kind == "comments":
        return recomment(code, rng)
    if kind == "reformat":
        return reformat(code, rng)
    if kind == "reorder":
        return reorder(code, rng)
    if kind == "dead-code":
        return dead_code(code, rng)
    if kind == "split":
        return split_functions(code, rng)
    if kind == "all":
        for step in ("reorder", "dead-code", "rename", "comments", "reformat"):
            code = disguise(code, step, given, rng)
        return code
    raise ValueError(f"unknown disguise {kind!r}")


DISGUISES = ("rename", "comments", "reformat", "reorder", "dead-code", "split", "merge", "all")


# -- written answers ------------------------------------------------------------------------------------
SYNONYMS = {"the": "this", "is": "was", "because": "since", "shows": "indicates", "large": "big", "small": "little",
            "output": "result", "uses": "applies", "step": "stage", "error": "mistake", "channels": "feature maps",
            "first": "initial", "same": "identical", "number": "count", "fix": "correction", "gives": "yields"}


def disguise_text(text: str, rng: random.Random) -> str:
    """A copied written answer: sentences reordered within each paragraph, some words swapped."""
    paragraphs = []
    for paragraph in text.split("\n\n"):
        sentences = re.split(r"(?<=[.!?])\s+", paragraph.strip())
        rng.shuffle(sentences)
        words = " ".join(sentences).split(" ")
        words = [SYNONYMS.get(w, w) if rng.random() < 0.5 else w for w in words]
        paragraphs.append(" ".join(words))
    return "\n\n".join(paragraphs)


# -- honest variation ---------------------------------------------------------------------------------
_MIRROR = {ast.Eq: ast.Eq, ast.NotEq: ast.NotEq, ast.Lt: ast.Gt, ast.Gt: ast.Lt, ast.LtE: ast.GtE, ast.GtE: ast.LtE}


_SIGNATURES = {
    "Conv2d": ("in_channels", "out_channels", "kernel_size", "stride", "padding"),
    "Conv2D": ("filters", "kernel_size", "strides", "padding"),
    "BatchNorm2d": ("num_features", "eps", "momentum"),
    "MaxPool2d": ("kernel_size", "stride", "padding"),
    "AvgPool2d": ("kernel_size", "stride", "padding"),
    "cat": ("tensors", "dim"),
    "Linear": ("in_features", "out_features"),
}
_SWAPS = {"view": "reshape", "reshape": "view", "permute": "permute"}


class _Honest(ast.NodeTransformer):
    def __init__(self, rng: random.Random, p: float):
        self.rng, self.p = rng, p
        self.counter = 0
        self.class_name: str | None = None

    def _go(self) -> bool:
        return self.rng.random() < self.p

    def _name(self) -> str:
        self.counter += 1
        return f"{self.rng.choice(NAME_WORDS)}_{self.counter}"

    def _block(self, stmts):
        out = []
        for stmt in stmts:
            stmt = self.visit(stmt)
            if isinstance(stmt, ast.Return) and stmt.value is not None and not isinstance(stmt.value, (ast.Name, ast.Constant)) \
                    and self._go():
                name = self._name()
                out += [ast.Assign(targets=[ast.Name(name, ast.Store())], value=stmt.value, lineno=0),
                        ast.Return(value=ast.Name(name, ast.Load()))]
                continue
            value = getattr(stmt, "value", None)
            if isinstance(stmt, (ast.Assign, ast.Return, ast.Expr)) and isinstance(value, ast.Call) and self._go():
                nested = [i for i, arg in enumerate(value.args) if isinstance(arg, ast.Call)]
                if nested:
                    i = nested[0]
                    name = self._name()
                    out.append(ast.Assign(targets=[ast.Name(name, ast.Store())], value=value.args[i], lineno=0))
                    value.args[i] = ast.Name(name, ast.Load())
            out.append(stmt)
        return out

    def generic_visit(self, node):
        for name in _BODY_FIELDS:
            stmts = getattr(node, name, None)
            if isinstance(stmts, list) and stmts and isinstance(stmts[0], ast.stmt):
                setattr(node, name, self._block(stmts))
        for field, value in ast.iter_fields(node):
            if field in _BODY_FIELDS:
                continue
            if isinstance(value, list):
                setattr(node, field, [self.visit(v) if isinstance(v, ast.AST) else v for v in value])
            elif isinstance(value, ast.AST):
                setattr(node, field, self.visit(value))
        return node

    def visit_Assign(self, node: ast.Assign):
        self.generic_visit(node)
        target = node.targets[0] if len(node.targets) == 1 else None
        if isinstance(target, ast.Name) and isinstance(node.value, ast.BinOp) and isinstance(node.value.left, ast.Name) \
                and node.value.left.id == target.id and self._go():
            return ast.AugAssign(target=target, op=node.value.op, value=node.value.right)
        return node

    def visit_AugAssign(self, node: ast.AugAssign):
        self.generic_visit(node)
        if isinstance(node.target, ast.Name) and self._go():
            return ast.Assign(targets=[ast.Name(node.target.id, ast.Store())],
                              value=ast.BinOp(ast.Name(node.target.id, ast.Load()), node.op, node.value), lineno=0)
        return node

    def visit_Compare(self, node: ast.Compare):
        self.generic_visit(node)
        if len(node.ops) == 1 and type(node.ops[0]) in _MIRROR and self._go():
            return ast.Compare(left=node.comparators[0], ops=[_MIRROR[type(node.ops[0])]()], comparators=[node.left])
        return node

    def visit_BinOp(self, node: ast.BinOp):
        self.generic_visit(node)
        if isinstance(node.op, (ast.Mult, ast.Add)) and (isinstance(node.left, ast.Constant) or isinstance(node.right, ast.Constant)) \
                and self._go():
            return ast.BinOp(left=node.right, op=node.op, right=node.left)
        if isinstance(node.op, ast.FloorDiv) and self._go():
            return ast.Call(ast.Name("int", ast.Load()), [ast.BinOp(node.left, ast.Div(), node.right)], [])
        if isinstance(node.op, ast.Pow) and isinstance(node.right, ast.Constant) and node.right.value == 2 and self._go():
            return ast.BinOp(node.left, ast.Mult(), copy.deepcopy(node.left))
        return node

    def visit_If(self, node: ast.If):
        self.generic_visit(node)
        if node.orelse and not (len(node.orelse) == 1 and isinstance(node.orelse[0], ast.If)) and self._go():
            test = node.test.operand if isinstance(node.test, ast.UnaryOp) and isinstance(node.test.op, ast.Not) \
                else ast.UnaryOp(ast.Not(), node.test)
            return ast.If(test=test, body=node.orelse, orelse=node.body)
        return node

    def visit_Call(self, node: ast.Call):
        self.generic_visit(node)
        func = node.func
        if isinstance(func, ast.Name) and func.id == "range" and len(node.args) == 1 and self._go():
            node.args = [ast.Constant(0), node.args[0]]
        elif isinstance(func, ast.Attribute) and func.attr == "size" and len(node.args) == 1 and not node.keywords \
                and isinstance(node.args[0], ast.Constant) and self._go():
            return ast.Subscript(value=ast.Attribute(func.value, "shape", ast.Load()), slice=node.args[0], ctx=ast.Load())
        elif isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "F" \
                and func.attr == "relu" and self._go():
            node.func = ast.Attribute(ast.Name("torch", ast.Load()), "relu", ast.Load())
        if isinstance(func, ast.Attribute) and func.attr in _SIGNATURES:
            self._arguments(node, _SIGNATURES[func.attr])
        if isinstance(func, ast.Attribute) and func.attr in _SWAPS and self._go():
            node.func = ast.Attribute(func.value, _SWAPS[func.attr], ast.Load())
        if isinstance(func, ast.Attribute) and func.attr == "ReLU" and not node.args and not node.keywords and self._go():
            if isinstance(func.value, ast.Attribute) and func.value.attr == "layers":  # keras
                return ast.Call(ast.Attribute(func.value, "Activation", ast.Load()), [ast.Constant("relu")], [])
            node.keywords = [ast.keyword("inplace", ast.Constant(True))]
        if isinstance(func, ast.Attribute) and func.attr == "__init__" and isinstance(func.value, ast.Call) \
                and isinstance(func.value.func, ast.Name) and func.value.func.id == "super" and not func.value.args \
                and self.class_name and self._go():
            func.value.args = [ast.Name(self.class_name, ast.Load()), ast.Name("self", ast.Load())]
        for i, arg in enumerate(node.args):
            if isinstance(arg, ast.List) and self._go():
                node.args[i] = ast.Tuple(elts=arg.elts, ctx=ast.Load())
            elif isinstance(arg, ast.Tuple) and self._go():
                node.args[i] = ast.List(elts=arg.elts, ctx=ast.Load())
        return node

    def _arguments(self, node: ast.Call, names: tuple[str, ...]) -> None:
        """Positional <-> keyword for a few library calls; an int kernel size <-> a pair."""
        if node.args and not any(isinstance(a, ast.Starred) for a in node.args) and len(node.args) <= len(names) \
                and len(node.args) > 1 and self._go():
            keep = self.rng.randint(1, len(node.args) - 1)
            moved = [ast.keyword(names[i], arg) for i, arg in enumerate(node.args) if i >= keep]
            node.args = node.args[:keep]
            node.keywords = moved + node.keywords
        for kw in node.keywords:
            if kw.arg in ("kernel_size", "stride", "strides") and isinstance(kw.value, ast.Constant) \
                    and isinstance(kw.value.value, int) and self._go():
                kw.value = ast.Tuple([kw.value, ast.Constant(kw.value.value)], ast.Load())

    def visit_ClassDef(self, node: ast.ClassDef):
        outer, self.class_name = self.class_name, node.name
        self.generic_visit(node)
        self.class_name = outer
        return node

    def visit_Subscript(self, node: ast.Subscript):
        self.generic_visit(node)
        if isinstance(node.value, ast.Attribute) and node.value.attr == "shape" and isinstance(node.slice, ast.Constant) \
                and isinstance(node.ctx, ast.Load) and self._go():
            return ast.Call(func=ast.Attribute(node.value.value, "size", ast.Load()), args=[node.slice], keywords=[])
        return node


def honest_variation(code: str, rng: random.Random, p: float = 0.5) -> str:
    tree = _Honest(rng, p).visit(ast.parse(code))
    return _check(ast.unparse(ast.fix_missing_locations(tree)) + "\n", "honest variation")
