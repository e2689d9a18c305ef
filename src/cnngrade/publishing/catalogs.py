"""Message catalogs (``locales/<lang>/LC_MESSAGES/<page>.po``): their state, and the translated student notebooks.

* :func:`catalog_state` / :func:`summary`: how many messages each catalog has, how many are translated, fuzzy,
  untranslated, and which messages of the current sources (the ``.pot`` templates of ``make translations``)
  are missing from it (a stale catalog).
* :func:`segments` cuts a markdown cell into the messages Sphinx extracts from it (MyST-NB parses each markdown
  cell with markdown-it; the gettext builder makes one message per heading, paragraph, list-item paragraph,
  table cell and math block, its source text with line breaks turned into spaces). ``tests/test_translations.py``
  proves that every segment of every chapter is a message of that chapter's template, and the reverse.
* :func:`translate_notebook`: the same notebook with each segment of each markdown cell replaced by its
  translation (an untranslated or fuzzy message keeps its English text, as in the book); code cells, their
  metadata, cell ids and nbgrader grade ids are not touched, so the grader treats the translated notebook as
  the English one. ``make release`` writes ``chapters/<lang>/NN-slug/NN-slug.ipynb`` with it.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path

from ..notebook import notebook_path
from .translated_book import GETTEXT_DIR, LANGUAGES, LOCALES

TRANSLATED_DIR = "chapters"  # chapters/<lang>/NN-slug/NN-slug.ipynb


# -- catalogs -------------------------------------------------------------------------------------------------
def catalog_dir(root: Path, lang: str) -> Path:
    return Path(root) / LOCALES / lang / "LC_MESSAGES"


def catalog_path(root: Path, lang: str, docname: str) -> Path:
    return catalog_dir(root, lang) / f"{docname}.po"


def load(path: Path):
    import polib

    return polib.pofile(str(path), wrapwidth=-1)


def translations(root: Path, lang: str, docname: str) -> dict[str, str]:
    """msgid -> msgstr of the page's catalog: translated, non-fuzzy, non-obsolete entries only."""
    path = catalog_path(root, lang, docname)
    if not path.is_file():
        return {}
    return {e.msgid: e.msgstr for e in load(path)
            if e.msgstr and not e.obsolete and "fuzzy" not in e.flags}


@dataclass
class CatalogState:
    docname: str
    total: int = 0
    translated: int = 0
    fuzzy: list[str] = field(default_factory=list)
    untranslated: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # in the sources (.pot), not in the catalog: stale
    extra: list[str] = field(default_factory=list)  # in the catalog (not obsolete), not in the sources

    @property
    def complete(self) -> bool:
        return not (self.fuzzy or self.untranslated or self.missing or self.extra)


def template_ids(pot: Path) -> list[str]:
    return [e.msgid for e in load(pot) if not e.obsolete]


def catalog_state(root: Path, lang: str, docname: str, pot_dir: Path | None = None) -> CatalogState:
    """The state of one page's catalog; ``pot_dir`` (templates of the current sources) adds the stale check."""
    state = CatalogState(docname)
    path = catalog_path(root, lang, docname)
    entries = [e for e in load(path) if not e.obsolete] if path.is_file() else []
    state.total = len(entries)
    for e in entries:
        if "fuzzy" in e.flags:
            state.fuzzy.append(e.msgid)
        elif not e.msgstr:
            state.untranslated.append(e.msgid)
        else:
            state.translated += 1
    if pot_dir is not None:
        pot = Path(pot_dir) / f"{docname}.pot"
        wanted = template_ids(pot) if pot.is_file() else []
        have = {e.msgid for e in entries}
        state.missing = [m for m in wanted if m not in have]
        state.extra = sorted(have - set(wanted))
    return state


def docnames(root: Path, lang: str, pot_dir: Path | None = None) -> list[str]:
    """The pages: from the templates when given, else from the catalogs."""
    base, suffix = (Path(pot_dir), ".pot") if pot_dir else (catalog_dir(root, lang), ".po")
    return sorted(p.relative_to(base).with_suffix("").as_posix() for p in base.rglob(f"*{suffix}"))


def summary(root: Path, lang: str, pot_dir: Path | None = None) -> str:
    root = Path(root)
    pot_dir = pot_dir or (root / GETTEXT_DIR if (root / GETTEXT_DIR).is_dir() else None)
    lines, total, done = [f"{lang} ({LANGUAGES.get(lang, '?')}): translated / messages"], 0, 0
    for doc in docnames(root, lang, pot_dir):
        s = catalog_state(root, lang, doc, pot_dir)
        total, done = total + s.total, done + s.translated
        notes = [f"{len(v)} {k}" for k, v in (("fuzzy", s.fuzzy), ("untranslated", s.untranslated),
                                              ("missing (stale catalog)", s.missing)) if v]
        lines.append(f"  {doc}: {s.translated} / {s.total}" + (f"  ({', '.join(notes)})" if notes else ""))
    lines.append(f"  all pages: {done} / {total}")
    return "\n".join(lines)


# -- markdown segments ----------------------------------------------------------------------------------------
@dataclass
class Segment:
    """A message of a markdown cell: ``text`` (as Sphinx extracts it) found on ``lines`` of the cell source."""
    kind: str  # heading, paragraph, table-cell, math
    first: int
    last: int  # exclusive
    text: str
    cell: int = -1  # table cells: the column


def _parser():
    from myst_parser.config.main import MdParserConfig
    from myst_parser.parsers.mdit import create_md_parser
    from markdown_it.renderer import RendererHTML

    # the extensions Jupyter Book enables by default (its default_config.yml, parse.myst_enable_extensions)
    config = MdParserConfig(enable_extensions={"colon_fence", "dollarmath", "linkify", "substitution", "tasklist"})
    return create_md_parser(config, RendererHTML)


_PARSER = None


def _normalise(text: str) -> str:
    return text.replace("\n", " ").strip()


def _row_cells(line: str) -> list[tuple[int, int]]:
    """(start, end) of each cell's text in a table row (pipes escaped with a backslash or in code excluded)."""
    bounds, in_code, i = [], False, 0
    pipes = []
    while i < len(line):
        ch = line[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "`":
            in_code = not in_code
        elif ch == "|" and not in_code:
            pipes.append(i)
        i += 1
    stripped = line.strip()
    if not stripped.startswith("|"):
        pipes.insert(0, -1)
    if not stripped.endswith("|"):
        pipes.append(len(line))
    for a, b in zip(pipes, pipes[1:]):
        bounds.append((a + 1, b))
    return bounds


def segments(markdown: str) -> list[Segment]:
    """The messages of a markdown cell, in order, with where they are in its source."""
    global _PARSER
    if _PARSER is None:
        _PARSER = _parser()
    tokens = _PARSER.parse(markdown)
    out: list[Segment] = []
    parents: list[str] = []
    row_map, col = None, 0
    for tok in tokens:
        if tok.nesting == 1:
            parents.append(tok.type)
            if tok.type == "tr_open":
                row_map, col = tok.map, 0
        elif tok.nesting == -1:
            parents.pop()
        if tok.type == "inline" and parents:
            container = parents[-1]
            if container in ("th_open", "td_open"):
                text = _normalise(tok.content)
                if text:
                    out.append(Segment("table-cell", row_map[0], row_map[1], text, col))
                col += 1
            elif container in ("heading_open", "paragraph_open") and tok.map:
                kind = "heading" if container == "heading_open" else "paragraph"
                out.append(Segment(kind, tok.map[0], tok.map[1], _normalise(tok.content)))
        elif tok.type in ("math_block", "math_block_label") and tok.map:
            out.append(Segment("math", tok.map[0], tok.map[1], tok.content))  # as Sphinx: not stripped
    return out


def translate_markdown(markdown: str, table: dict[str, str]) -> tuple[str, list[str]]:
    """``markdown`` with every segment found in ``table`` (msgid -> msgstr) replaced; returns the new source and
    the segments left in English (untranslated). Line structure outside the segments is kept."""
    lines = markdown.split("\n")
    untranslated = []
    # replace from the bottom so that earlier line numbers stay valid
    for seg in sorted(segments(markdown), key=lambda s: (s.first, s.cell), reverse=True):
        new = table.get(seg.text)
        if not new:
            untranslated.append(seg.text)
            continue
        if seg.kind == "table-cell":
            line = lines[seg.first]
            start, end = _row_cells(line)[seg.cell]
            cell = line[start:end]
            lead = cell[: len(cell) - len(cell.lstrip())]
            trail = cell[len(cell.rstrip()):]
            lines[seg.first] = line[:start] + lead + new + trail + line[end:]
        elif seg.kind == "math":
            block = "\n".join(lines[seg.first:seg.last])
            old = seg.text
            if old not in block:
                untranslated.append(seg.text)
                continue
            lines[seg.first:seg.last] = block.replace(old, new, 1).split("\n")
        else:
            first = lines[seg.first]
            # the text before the segment on its first line: list marker, heading hashes, indentation
            head = seg.text.split(" ")[0]
            at = first.find(head)
            prefix = first[:at] if at >= 0 else first[: len(first) - len(first.lstrip())]
            lines[seg.first:seg.last] = [prefix + new]
    return "\n".join(lines), list(reversed(untranslated))


def translate_notebook(nb, table: dict[str, str]):
    """A copy of ``nb`` whose markdown cells are translated with ``table``; every other cell, all metadata and
    every cell id unchanged. Returns (notebook, untranslated segments)."""
    out = copy.deepcopy(nb)
    missing = []
    for cell in out.cells:
        if cell.cell_type != "markdown":
            continue
        cell.source, left = translate_markdown(cell.source, table)
        missing += left
    return out, missing


def translated_path(root: Path, lang: str, chapter: str) -> Path:
    return notebook_path(Path(root) / TRANSLATED_DIR / lang, chapter)


def release(root: Path, lang: str, chapters: list[str] | None = None) -> list[Path]:
    """Write ``chapters/<lang>/NN-slug/NN-slug.ipynb``: each released (student) notebook in ``lang``."""
    from .. import notebook as nbtools
    from ..course import chapters as all_chapters

    root = Path(root)
    written = []
    for chapter in chapters or all_chapters(root):
        nb = nbtools.read(nbtools.notebook_path(root / "chapters", chapter))
        table = translations(root, lang, f"chapters/{chapter}/{chapter}")
        translated, _ = translate_notebook(nb, table)
        path = translated_path(root, lang, chapter)
        path.parent.mkdir(parents=True, exist_ok=True)
        nbtools.write(translated, path)
        written.append(path)
    return written


def main(argv=None) -> int:
    import argparse

    from ..course import repo_root

    parser = argparse.ArgumentParser(prog="python -m cnngrade.publishing.catalogs", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    rel = sub.add_parser("release", help="write the translated student notebooks chapters/<lang>/")
    rel.add_argument("--lang", action="append")
    st = sub.add_parser("status", help="messages translated per catalog")
    st.add_argument("--lang", action="append")
    args = parser.parse_args(argv)
    root = repo_root()
    for lang in args.lang or sorted(LANGUAGES):
        if args.command == "release":
            for path in release(root, lang):
                print(path.relative_to(root))
        else:
            print(summary(root, lang))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
