"""The zh-CN edition stays in step with the English sources (docs/translating.md).

* every catalog is complete: no untranslated and no fuzzy entry (chapters not yet translated are listed in
  NOT_YET_TRANSLATED, as strict expected failures: finishing a chapter means deleting its line there);
* every catalog is current: it holds exactly the messages Sphinx extracts from today's sources (a changed
  English sentence fails here until `make translations` has been run and the catalog updated);
* a translation keeps the English message's roles ({term}, {doc}, {cite}, {glue}, {ref}) and link targets;
* the notebook segmentation used for the Chinese student notebooks finds exactly Sphinx's messages;
* every glossary term has a Chinese term in locales/zh_CN/terminology.csv, shown with the English one;
* chapters/zh_CN/ is what `make release` writes from chapters/ and the catalogs: markdown translated,
  every code cell, cell id and piece of metadata unchanged.
"""
import csv
import re
from pathlib import Path

import pytest

from conftest import CHAPTERS, ROOT
from cnngrade.publishing import catalogs
from cnngrade.publishing import translated_book as i18n
from cnngrade import notebook as nbtools

LANG = "zh_CN"
# Catalogs whose translation is not finished. A strict xfail: the completeness test must FAIL for each of
# these; when a translator completes one it passes, the xfail turns into an error, and its line goes.
NOT_YET_TRANSLATED: set[str] = set()
PAGES = sorted({"intro", "glossary", "bibliography"} | {f"chapters/{c}/{c}" for c in CHAPTERS})
TERMINOLOGY = ROOT / i18n.LOCALES / LANG / "terminology.csv"


@pytest.fixture(scope="module")
def templates(tmp_path_factory) -> Path:
    """The .pot templates of today's sources (Sphinx's gettext builder, nothing executed: ~20 s)."""
    return i18n.extract(ROOT, tmp_path_factory.mktemp("gettext") / "pot")


def _complete_param(doc):
    marks = [pytest.mark.xfail(strict=True, reason="not translated yet")] if doc in NOT_YET_TRANSLATED else []
    return pytest.param(doc, marks=marks, id=doc.split("/")[-1])


def test_not_yet_translated_lists_real_catalogs():
    assert NOT_YET_TRANSLATED <= set(PAGES), sorted(NOT_YET_TRANSLATED - set(PAGES))


@pytest.mark.parametrize("doc", [_complete_param(d) for d in PAGES])
def test_catalog_complete(doc):
    """No untranslated, no fuzzy entry (run for one page: pytest tests/test_translations.py -k 01-one-by-one)."""
    state = catalogs.catalog_state(ROOT, LANG, doc)
    assert state.total > 0, f"{doc}: no catalog (run `make translations`)"
    assert not state.untranslated, f"{doc}: {len(state.untranslated)} untranslated, e.g. {state.untranslated[:2]}"
    assert not state.fuzzy, f"{doc}: {len(state.fuzzy)} fuzzy (English changed; check and clear the flag), e.g. {state.fuzzy[:2]}"


@pytest.mark.parametrize("doc", PAGES, ids=lambda d: d.split("/")[-1])
def test_catalog_current(templates, doc):
    """The catalog holds exactly today's messages: run `make translations` after changing English prose."""
    state = catalogs.catalog_state(ROOT, LANG, doc, templates)
    assert not state.missing, (f"{doc}: {len(state.missing)} messages of the English sources are not in the catalog "
                               f"(run `make translations`), e.g. {state.missing[:2]}")
    assert not state.extra, f"{doc}: {len(state.extra)} messages no page has any more, e.g. {state.extra[:2]}"


_ROLE = re.compile(r"\{([\w:]+)\}`(?:[^`<]*<)?([^`>]*)>?`")
_LINK = re.compile(r"\]\(([^)\s]+)\)")


def _markup(text: str) -> list[tuple[str, str]]:
    return sorted([(role, target.strip()) for role, target in _ROLE.findall(text)] +
                  [("link", url) for url in _LINK.findall(text)])


@pytest.mark.parametrize("doc", PAGES, ids=lambda d: d.split("/")[-1])
def test_translation_keeps_roles_and_links(doc):
    """Sphinx rejects a translation whose cross-references differ (-W); this says which message, at once."""
    for entry in catalogs.load(catalogs.catalog_path(ROOT, LANG, doc)):
        if entry.msgstr and not entry.obsolete:
            assert _markup(entry.msgstr) == _markup(entry.msgid), (
                f"{doc}: roles or links differ:\n  {entry.msgid[:120]}\n  {entry.msgstr[:120]}")


@pytest.mark.parametrize("doc", PAGES, ids=lambda d: d.split("/")[-1])
def test_translations_sphinx_would_silently_drop(doc):
    """Three kinds of msgstr that build without a warning and still show English (or nothing):

    * a heading translated as ``1. 标题``: Sphinx re-parses a translated title, MyST reads ``1. ...`` as an
      ordered list, and Sphinx keeps the English title (write ``1\\. 标题``; the notebook shows "1.");
    * a display formula that differs from the English: Sphinx wraps it in reST's ``::`` literal notation,
      which MyST renders as the text ``::`` and a code block (formulas stay as the English writes them);
    * ``YOUR ANSWER HERE``: nbgrader scores an untouched written answer 0 by its checksum; a translated
      placeholder would send every unanswered Chinese notebook to manual grading."""
    for entry in catalogs.load(catalogs.catalog_path(ROOT, LANG, doc)):
        if not entry.msgstr or entry.obsolete or entry.msgstr == entry.msgid:
            continue
        where = f"{doc}:\n  {entry.msgid[:120]}\n  {entry.msgstr[:120]}"
        assert not re.match(r"\d+\. ", entry.msgstr), f"write the number as 1\\. (Sphinx drops the title): {where}"
        assert not (entry.msgid.startswith("\\") and "$" not in entry.msgid), f"a display formula changed: {where}"
        assert entry.msgid != "YOUR ANSWER HERE", f"the nbgrader placeholder must stay: {where}"


@pytest.mark.parametrize("folder", ["chapters", "solutions"])
@pytest.mark.parametrize("chapter", CHAPTERS)
def test_notebook_segments_are_sphinx_messages(templates, chapter, folder):
    """Every markdown message of the notebook is one Sphinx extracts, and every message is found: the Chinese
    notebooks are translated with the same segments as the book (solutions too: the Chinese solution)."""
    nb = nbtools.read(ROOT / folder / chapter / f"{chapter}.ipynb")
    # a written answer's model answer and rubric (solutions/ only) are not in the book: they stay English
    found = [s.text for c in nb.cells if c.cell_type == "markdown" and not nbtools.is_solution_cell(c)
             for s in catalogs.segments(c.source)]
    extracted = set(catalogs.template_ids(templates / "chapters" / chapter / f"{chapter}.pot"))
    released = nbtools.read(ROOT / "chapters" / chapter / f"{chapter}.ipynb")
    answers = {s.text for c in released.cells if c.cell_type == "markdown" and nbtools.is_solution_cell(c)
               for s in catalogs.segments(c.source)}  # "YOUR ANSWER HERE": the student replaces it
    extracted -= answers
    unknown = [s for s in found if s not in extracted]
    assert not unknown, f"{chapter}: segments Sphinx does not extract: {unknown[:3]}"
    assert extracted <= set(found), f"{chapter}: messages not found in the notebook: {sorted(extracted - set(found))[:3]}"


def test_segmentation_and_translation_of_markdown():
    source = ("## 2. Counting `a|b`\n\nA paragraph\nover two lines {term}`x`.\n\n- item one\n  continued\n- item two\n\n"
              "| Exercise | Points |\n|---|---|\n| 1. `f` | 2 |\n\n$$\na = b\n$$\n")
    segs = catalogs.segments(source)
    assert [(s.kind, s.text) for s in segs] == [
        ("heading", "2. Counting `a|b`"), ("paragraph", "A paragraph over two lines {term}`x`."),
        ("paragraph", "item one continued"), ("paragraph", "item two"), ("table-cell", "Exercise"),
        ("table-cell", "Points"), ("table-cell", "1. `f`"), ("table-cell", "2"), ("math", "\na = b\n")]
    table = {"2. Counting `a|b`": "2. 计数 `a|b`", "A paragraph over two lines {term}`x`.": "一段话 {term}`x`。",
             "item one continued": "第一项", "Exercise": "练习", "1. `f`": "1. `f`（函数）", "\na = b\n": "\na = c\n"}
    out, left = catalogs.translate_markdown(source, table)
    assert [s.text for s in catalogs.segments(out)] == [
        "2. 计数 `a|b`", "一段话 {term}`x`。", "第一项", "item two", "练习", "Points", "1. `f`（函数）", "2", "\na = c\n"]
    assert left == ["item two", "Points", "2"]


def test_every_glossary_term_has_a_chinese_term():
    from test_book import _glossary_terms

    rows = {r["english"].lower(): r for r in csv.DictReader(TERMINOLOGY.open(encoding="utf-8"))}
    missing = sorted(_glossary_terms() - set(rows))
    assert not missing, f"glossary terms without a row in {TERMINOLOGY.name}: {missing}"
    for row in rows.values():
        neutral = row["source"] == "language-neutral"  # layout names (NCHW, OIHW, ...) are the same in Chinese
        assert row["chinese"].strip() and (neutral or re.search(r"[\u4e00-\u9fff]", row["chinese"])), row
    glossary = {e.msgid.lower(): e.msgstr for e in catalogs.load(catalogs.catalog_path(ROOT, LANG, "glossary"))}
    for term in _glossary_terms():
        shown = glossary.get(term, "")
        assert rows[term]["chinese"] in shown and term in shown.lower(), (
            f"glossary entry {term!r} should show {rows[term]['chinese']!r} with the English term, shows {shown!r}")


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chinese_notebooks_released_and_unchanged_but_prose(chapter):
    english = nbtools.read(ROOT / "chapters" / chapter / f"{chapter}.ipynb")
    path = catalogs.translated_path(ROOT, LANG, chapter)
    assert path.is_file(), f"{path.relative_to(ROOT)} missing: run `make release`"
    chinese = nbtools.read(path)
    expected, _ = catalogs.translate_notebook(english, catalogs.translations(ROOT, LANG, f"chapters/{chapter}/{chapter}"))
    assert chinese == expected, f"{path.relative_to(ROOT)} is out of date: run `make release`"
    assert chinese.metadata == english.metadata and len(chinese.cells) == len(english.cells)
    for zh, en in zip(chinese.cells, english.cells):
        assert (zh.cell_type, zh.get("id"), zh.metadata) == (en.cell_type, en.get("id"), en.metadata)
        if zh.cell_type != "markdown":
            assert zh == en, f"{chapter}: code cell {en.get('id')} changed"
    if f"chapters/{chapter}/{chapter}" not in NOT_YET_TRANSLATED:
        prose = "".join(c.source for c in chinese.cells if c.cell_type == "markdown")
        assert len(re.findall(r"[\u4e00-\u9fff]", prose)) > 500, f"{chapter}: the Chinese notebook is not in Chinese"


# -- the Chinese notebooks are graded like the English ones --------------------------------------------------
@pytest.fixture(scope="module")
def chinese_class(tmp_path_factory):
    """One throw-away course: per chapter, the Chinese solution (chapters/zh_CN/ with every solution filled in)
    and the Chinese stub (chapters/zh_CN/ as a student gets it), graded by the engine in one run."""
    from cnngrade.course import Course

    course = Course(tmp_path_factory.mktemp("zh-course"), ROOT)
    for chapter in CHAPTERS:
        course.generate(chapter)
        source = course.source_notebook(chapter)
        chinese = nbtools.read(catalogs.translated_path(ROOT, LANG, chapter))
        course.submit("zh-solution", chapter, nbtools.make_submission(chinese, source))
        course.submit("zh-stub", chapter, chinese)
    course.autograde(CHAPTERS, "engine")
    return course


@pytest.mark.slow
@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chinese_notebook_graded_like_english(chinese_class, chapter):
    """Same assignment, same tests, same grades: the Chinese solution scores full marks on every test cell,
    the Chinese stub zero, with no integrity flag (what tests/test_chapters.py proves for the English ones)."""
    tests = nbtools.test_cells(chinese_class.source_notebook(chapter))
    scores = chinese_class.scores(chapter)
    for student, full in (("zh-solution", True), ("zh-stub", False)):
        outcome = chinese_class.engine_outcomes(chapter)[student]
        assert outcome["status"] != "failed" and not outcome["flags"], f"{chapter} {student}: {outcome}"
        for cell, points in tests.items():
            got = scores[student][cell]
            expected = got.max_score if full else 0
            assert got.max_score == points and got.score == expected, (
                f"{chapter} {student} {cell}: {got.score}/{got.max_score}, expected {expected}")
