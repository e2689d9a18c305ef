"""What a test cell may not do, read statically (``authoring.prove.static_problems`` enforces it on every chapter)."""
from __future__ import annotations

import ast
import re

from ..notebook import HIDDEN_BEGIN, HIDDEN_END, strip_markers
from .seeding import unseeded_random_draw  # noqa: F401 - the third rule of a test cell


def ends_with_bare_expression(code: str) -> bool:
    """True when the cell's value would be displayed (and nbgrader would grade by that value).

    ``print(...)`` and the ``cnnblocks.checks`` helpers (``check_*``) return None and display
    nothing, so they are allowed as a last line.
    """
    tree = ast.parse(code)
    if not tree.body:
        return False
    last = tree.body[-1]
    if not isinstance(last, ast.Expr):
        return False
    call = last.value
    if isinstance(call, ast.Call) and isinstance(call.func, ast.Name):
        return not (call.func.id == "print" or call.func.id.startswith("check_"))
    return True


_FRAMEWORK_IMPORT = re.compile(r"^\s*(import|from)\s+(torch|tensorflow|keras)\b", re.MULTILINE)


def imports_framework(code: str) -> bool:
    """Test cells must not import a framework (first imports of TensorFlow log to stderr)."""
    return bool(_FRAMEWORK_IMPORT.search(strip_markers(code, HIDDEN_BEGIN, HIDDEN_END)))
