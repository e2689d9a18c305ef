"""Known-wrong and valid-alternative implementations that test a chapter's tests.

One small Python file per variant, under

    autograde/known_wrong/<chapter>/<name>.py
    autograde/valid_alternatives/<chapter>/<name>.py

Each starts with a header of ``# key: value`` comment lines, then the code that replaces one solution
cell of the chapter, exactly as a student would type it in that cell::

    # replaces: conv2d_params
    # loses: test_conv2d_params
    # why: ignores groups, so a grouped conv is counted like a dense one
    def conv2d_params(c_in, c_out, kernel_size, groups=1, bias=True):
        ...

Where a variant differs from the solution in a line or two, the body can instead be a patch of the
solution cell, one or more blocks of the form below; each ``solution`` side must occur exactly once
in the solution cell (markers removed), so a patch cannot silently go stale when the solution changes::

    <<<<<<< solution
            return F.relu(self.main(x) + self.shortcut(x))
    =======
            return F.relu(F.relu(self.main(x)) + self.shortcut(x))
    >>>>>>> variant

``replaces`` names the solution cell (its nbgrader ``grade_id``). For a known-wrong variant, ``loses``
lists (comma separated) every test cell that must score zero; all other test cells must keep full
marks, so the file documents exactly which tests catch the mistake. A valid alternative has no
``loses`` line: it must keep full marks everywhere. ``why`` says what the variant shows.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

KNOWN_WRONG = "known_wrong"
VALID_ALTERNATIVES = "valid_alternatives"
KINDS = (KNOWN_WRONG, VALID_ALTERNATIVES)
HEADER_KEYS = {"replaces", "loses", "why"}


PATCH_START, PATCH_MIDDLE, PATCH_END = "<<<<<<< solution", "=======", ">>>>>>> variant"


def is_patch(code: str) -> bool:
    return any(line.rstrip() == PATCH_START for line in code.splitlines())


def apply_patch(patch: str, solution: str, where: str = "variant") -> str:
    """Apply the ``<<<<<<< solution / ======= / >>>>>>> variant`` blocks of ``patch`` to ``solution``."""
    result = solution
    lines = patch.splitlines()
    i = 0
    while i < len(lines):
        if lines[i].rstrip() != PATCH_START:
            if lines[i].strip():
                raise ValueError(f"{where}: text outside a patch block: {lines[i]!r}")
            i += 1
            continue
        try:
            middle = next(j for j in range(i + 1, len(lines)) if lines[j].rstrip() == PATCH_MIDDLE)
            end = next(j for j in range(middle + 1, len(lines)) if lines[j].rstrip() == PATCH_END)
        except StopIteration:
            raise ValueError(f"{where}: unterminated patch block at line {i + 1}") from None
        old, new = "\n".join(lines[i + 1 : middle]), "\n".join(lines[middle + 1 : end])
        count = result.count(old)
        if count != 1:
            raise ValueError(f"{where}: the solution side of a patch occurs {count} times in the solution "
                             f"(must be exactly once):\n{old}")
        result = result.replace(old, new)
        i = end + 1
    return result


@dataclass(frozen=True)
class Variant:
    kind: str
    name: str
    replaces: str
    code: str
    why: str
    loses: tuple[str, ...] = field(default_factory=tuple)
    path: Path | None = None

    def resolve(self, solution: str) -> str:
        """The cell's code: the body itself, or the body applied as a patch to ``solution``."""
        return apply_patch(self.code, solution, str(self.path or self.name)) if is_patch(self.code) else self.code

    @property
    def student_id(self) -> str:
        prefix = "wrong" if self.kind == KNOWN_WRONG else "alt"
        return f"{prefix}-{self.name}".replace("_", "-")


def parse(text: str, kind: str, name: str, path: Path | None = None) -> Variant:
    header: dict[str, str] = {}
    lines = text.splitlines()
    body_start = 0
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped.startswith("#") or ":" not in stripped:
            body_start = i
            break
        key, _, value = stripped.lstrip("#").partition(":")
        key = key.strip()
        if key not in HEADER_KEYS:
            body_start = i
            break
        header[key] = value.strip()
    else:
        body_start = len(lines)
    where = path or name
    if "replaces" not in header:
        raise ValueError(f"{where}: header has no '# replaces: <grade_id>' line")
    if "why" not in header:
        raise ValueError(f"{where}: header has no '# why: ...' line")
    loses = tuple(x.strip() for x in header.get("loses", "").split(",") if x.strip())
    if kind == KNOWN_WRONG and not loses:
        raise ValueError(f"{where}: a known-wrong variant must name the test cells it loses")
    if kind == VALID_ALTERNATIVES and loses:
        raise ValueError(f"{where}: a valid alternative must not lose points")
    code = "\n".join(lines[body_start:]).strip("\n") + "\n"
    return Variant(kind, name, header["replaces"], code, header["why"], loses, path)


def load(autograde_dir: str | Path, chapter: str) -> list[Variant]:
    """All variants of a chapter, known-wrong first, sorted by name."""
    found = []
    for kind in KINDS:
        folder = Path(autograde_dir) / kind / chapter
        for path in sorted(folder.glob("*.py")):
            found.append(parse(path.read_text(), kind, path.stem, path))
    return found
