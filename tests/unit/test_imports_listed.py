"""What the chapters import is what the worker preloads and what the guard protects.

``isolation.worker.PRELOAD`` (imported once in the warm worker, before it forks a child per submission) and
``isolation.guard.GUARDED_MODULES`` (whose dictionaries the runtime guard snapshots and restores around
every test cell) are lists kept by hand. A chapter that imports a ``cnnblocks`` module neither list names
would be imported cold in every child and left unguarded: this test names it.
"""
import ast
import json

from conftest import ROOT

from cnngrade.isolation import guard, worker


def _imported_modules(code: str) -> set[str]:
    code = "\n".join(line if not line.lstrip().startswith(("%", "!")) else "" for line in code.splitlines())
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return set()
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
    return found


def chapter_imports() -> dict[str, set[str]]:
    """``{module: chapters}`` for every module a cell of a solution notebook imports."""
    found: dict[str, set[str]] = {}
    for path in sorted((ROOT / "solutions").glob("*/*.ipynb")):
        for cell in json.loads(path.read_text())["cells"]:
            if cell["cell_type"] == "code":
                for module in _imported_modules("".join(cell["source"])):
                    found.setdefault(module, set()).add(path.stem)
    return found


def test_the_chapters_are_read():
    imports = chapter_imports()
    assert "cnnblocks.checks" in imports and len(imports["cnnblocks.checks"]) >= 6


# Helper modules a chapter imports that one of the lists leaves out (found by this test when it was written;
# the lists live in the isolation files, which phase 2 of issue 23 edits). A new gap, or one closed, fails
# test_known_gaps: update this table with the fix.
KNOWN_GAPS = {
    "cnnblocks.data": ["guard.GUARDED_MODULES"],
    "cnnblocks.diagrams": ["worker.PRELOAD"],
    "cnnblocks.segmentation_data": ["worker.PRELOAD"],
}


def _gaps() -> dict[str, list[str]]:
    gaps = {}
    for module in sorted(m for m in chapter_imports() if m.split(".")[0] == "cnnblocks"):
        missing = [name for name, listed in (("guard.GUARDED_MODULES", guard.GUARDED_MODULES),
                                             ("worker.PRELOAD", worker.PRELOAD)) if module not in listed]
        if missing:
            gaps[module] = missing
    return gaps


def test_every_helper_module_a_chapter_imports_is_named_by_a_list():
    neither = {module: missing for module, missing in _gaps().items() if len(missing) == 2}
    assert not neither, f"chapters import {sorted(neither)}, which neither worker.PRELOAD nor guard.GUARDED_MODULES names"


def test_known_gaps():
    assert _gaps() == KNOWN_GAPS


def test_the_check_fails_on_an_unlisted_module():
    assert _imported_modules("from cnnblocks.newthing import f\nimport cnnblocks.other as o") == \
        {"cnnblocks.newthing", "cnnblocks.other"}
    assert "cnnblocks.newthing" not in guard.GUARDED_MODULES
