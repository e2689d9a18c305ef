"""The book builds offline with warnings as errors; every chapter page shows figures, no traceback,
and blank exercises (stubs, no solution or hidden test)."""
import re
from pathlib import Path

import pytest
import yaml

from conftest import CHAPTERS, ROOT


@pytest.fixture(scope="module")
def html(book_html) -> Path:
    return book_html  # built once per run in conftest.py, shared with tests/test_browser.py


@pytest.mark.slow
def test_intro_page(html):
    page = (html / "intro.html").read_text()
    assert "How grading works" in page


@pytest.mark.slow
@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_page_has_figures_and_blank_exercises(html, chapter):
    page = (html / "chapters" / chapter / f"{chapter}.html").read_text()
    images = re.findall(r'<img[^>]+src="[^"]*_images/[^"]+\.png"', page)
    assert len(images) >= 2, f"{chapter}: expected figures, found {len(images)}"
    for bad in ("Traceback (most recent call last)", "BEGIN SOLUTION", "BEGIN HIDDEN TESTS"):
        assert bad not in page, f"{chapter} page contains {bad!r}"
    assert not re.search(r'class="[^"]*\bstderr\b', page), f"{chapter} page shows stderr output"
    assert "NotImplementedError" in page  # the exercises are shown blank


# -- references, glossary and self-contained assets ----------------------------------------------------
BIB_KEYS = set(re.findall(r"^@\w+\{([^,\s]+),", (ROOT / "references.bib").read_text(), re.M))


def _glossary_terms() -> set[str]:
    text = (ROOT / "glossary.md").read_text()
    block = re.search(r"```\{glossary\}\n(.*?)\n```", text, re.S).group(1)
    return {line.strip().lower() for line in block.splitlines()
            if line.strip() and not line.startswith((" ", ":"))}


def _book_markdown() -> dict[str, str]:
    """Markdown of every page source: .md pages and the solution notebooks' markdown cells."""
    from cnngrade import notebook as nbtools

    texts = {p.name: p.read_text() for p in ROOT.glob("*.md") if p.name != "README.md"}
    for chapter in CHAPTERS:
        nb = nbtools.read(ROOT / "solutions" / chapter / f"{chapter}.ipynb")
        texts[chapter] = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    return texts


def test_citations_and_glossary_links_resolve():
    """Every {cite}`key` is in references.bib and every {term}`...` in glossary.md (the -W build fails on
    either too; this says which page and key, in a second)."""
    terms = _glossary_terms()
    for page, text in _book_markdown().items():
        for keys in re.findall(r"\{cite(?::[a-z]+)?\}`([^`]+)`", text):
            for key in (k.strip() for k in keys.split(",")):
                assert key in BIB_KEYS, f"{page}: cites {key!r}, which is not in references.bib"
        for target in re.findall(r"\{term\}`([^`]+)`", text):
            m = re.search(r"<([^>]+)>$", target)
            term = (m.group(1) if m else target).strip().lower()
            assert term in terms, f"{page}: links to term {term!r}, which glossary.md does not define"


def test_glossary_defines_the_course_terms():
    required = {"receptive field", "cardinality", "projection shortcut", "nchw", "nhwc", "oihw", "hwio", "flops",
                "macs", "bottleneck", "depthwise convolution", "grouped convolution", "pointwise convolution",
                "intrinsic feature maps", "ghost feature maps", "skip connection", "dice coefficient"}
    assert required <= _glossary_terms(), f"missing: {sorted(required - _glossary_terms())}"


@pytest.mark.slow
def test_book_serves_every_script_and_stylesheet_itself(html):
    """Offline readers: no <script src> or stylesheet from another host, MathJax in _static, no thebe."""
    assert (html / "_static" / "mathjax" / "tex-chtml.js").is_file(), "MathJax was not copied into the book"
    pages = sorted(html.rglob("*.html"))
    assert len(pages) >= len(CHAPTERS) + 3
    for page in pages:
        text = page.read_text()
        rel = page.relative_to(html)
        remote = re.findall(r'<(?:script|img|iframe)[^>]+src="((?:https?:)?//[^"]+)"', text)
        remote += re.findall(r'<link[^>]+href="((?:https?:)?//[^"]+)"', text)
        assert not remote, f"{rel} loads {remote}"
        assert "thebe" not in text.lower(), f"{rel} still carries thebe"
        if "<math" in text or "\\(" in text:
            assert "_static/mathjax/tex-chtml.js" in text, f"{rel} does not load the book's MathJax"


@pytest.mark.slow
def test_glossary_and_bibliography_pages(html):
    glossary = (html / "glossary.html").read_text()
    for term in ("term-receptive-field", "term-projection-shortcut", "term-NCHW", "term-cardinality"):
        assert f'id="{term}"' in glossary, f"glossary page lacks {term}"
    bibliography = (html / "bibliography.html").read_text()
    for title in ("Deep Residual Learning for Image Recognition", "Network In Network", "Going Deeper with Convolutions"):
        assert title.lower() in bibliography.lower(), f"bibliography page lacks {title!r}"
    assert len(re.findall(r'<div class="citation" id="[^"]+" role="listitem"', bibliography)) == len(BIB_KEYS), "one entry per key"


# -- instructor edition ---------------------------------------------------------------------------------
def test_instructor_edition_config_points_at_the_solutions(tmp_path):
    from cnngrade.publishing.book import instructor_config

    config_path, toc_path = instructor_config(ROOT, tmp_path)
    config, toc = yaml.safe_load(config_path.read_text()), yaml.safe_load(toc_path.read_text())
    student_toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    files = [e["file"] for part in toc["parts"] for e in part["chapters"]]
    student_files = [e["file"] for part in student_toc["parts"] for e in part["chapters"]]
    assert files == [f.replace("chapters/", "solutions/", 1) for f in student_files], "same pages, same order"
    for f in files:
        assert list(ROOT.glob(f + ".*")), f"{f} does not exist"
    assert "instructor" in config["title"].lower()
    assert "chapters/*" in config["exclude_patterns"]
    assert not any(p.startswith("solutions") for p in config["exclude_patterns"] + config["execute"]["exclude_patterns"])
    student_config = yaml.safe_load((ROOT / "_config.yml").read_text())
    assert config["sphinx"] == student_config["sphinx"], "the same extensions and settings as the student book"


@pytest.mark.slow
def test_instructor_edition_builds_and_shows_solutions(tmp_path):
    """`make book-instructor`'s configuration builds with -W; every chapter page is the solution notebook,
    solutions and hidden tests shown.

    Built here without executing the notebooks (about 3.5 minutes of CPU saved on every `make test`): the
    cells it would run are run elsewhere in the suite: every lesson cell by the student book's build
    (``book_html``), every setup, solution and test cell, hidden tests included, by the proofs
    (tests/test_chapters.py). `make book-instructor` itself executes everything."""
    from cnngrade.publishing.book import build, instructor_config

    config, toc = instructor_config(ROOT, tmp_path)
    settings = yaml.safe_load(config.read_text())
    assert settings["execute"]["execute_notebooks"] == "cache"  # what `make book-instructor` runs
    settings["execute"]["execute_notebooks"] = "off"
    settings["sphinx"]["config"]["suppress_warnings"].append("mystnb.glue")  # no execution: no glued values
    config.write_text(yaml.safe_dump(settings, sort_keys=False))
    out = tmp_path / "instructor"
    proc = build(ROOT, out, config=config, toc=toc, all_pages=True)
    assert proc.returncode == 0, f"instructor book failed:\n{proc.stdout[-4000:]}\n{proc.stderr[-4000:]}"
    html = out / "_build" / "html"
    for chapter in CHAPTERS:
        page = (html / "solutions" / chapter / f"{chapter}.html").read_text()
        assert "BEGIN SOLUTION" in page and "BEGIN HIDDEN TESTS" in page, f"{chapter}: solutions not shown"
    assert "instructor edition" in (html / "intro.html").read_text().lower()


@pytest.mark.slow
@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_figure_has_alt_text(html, chapter):
    """Each figure carries alt text written by its author (the drawing cell's metadata
    ``"mystnb": {"image": {"alt": "..."}}``), not the file name Sphinx puts there by default."""
    page = (html / "chapters" / chapter / f"{chapter}.html").read_text()
    images = re.findall(r"<img\b[^>]*>", page)
    missing = [img for img in images
               if not (m := re.search(r'\balt="([^"]*)"', img)) or not m.group(1).strip()
               or re.search(r"\.(png|jpe?g|svg|gif)$", m.group(1))]
    assert not missing, (f"{chapter}: {len(missing)} of {len(images)} figures lack alt text; add cell metadata "
                         '"mystnb": {"image": {"alt": "..."}} to the cell that draws each one')
