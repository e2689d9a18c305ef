"""The book's own Sphinx extension (a Jupyter Book local extension: ``sphinx: local_extensions`` in ``_config.yml``).

* MathJax 3 served from the built book itself: the files shipped by the PyPI package ``django-static-mathjax``
  (installed by ``make setup``; MathJax 3.2.2, no Django needed) are copied into ``_build/html/_static/mathjax/``,
  which is where ``mathjax_path: mathjax/tex-chtml.js`` points. Nothing is downloaded at build time; nothing is
  committed. A remote ``mathjax_path`` fails the build.
* The bibliography as an accessible list (``accessible_body``).

It imports nothing from the course's grading tools: the student edition ships ``_ext/`` and the same
``_config.yml``. (The instructor edition and the translated books are built by ``cnngrade.publishing``.)
"""
from __future__ import annotations

import shutil
from pathlib import Path

MATHJAX_ENTRY = "tex-chtml.js"
# What tex-chtml.js loads on demand (TeX extensions, CommonHTML fonts, menu, accessibility); the other
# combined components (SVG output, MathML input, *-full) are never loaded by this book.
_MATHJAX_PARTS = (MATHJAX_ENTRY, "input", "output/chtml", "output/chtml.js", "ui", "a11y", "sre", "adaptors")


def mathjax_source() -> Path:
    """The ``es5`` folder of the installed MathJax 3 distribution."""
    try:
        import mathjax  # the package django-static-mathjax ships only data files under this name
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise RuntimeError("MathJax is not installed: run `make setup` (PyPI package django-static-mathjax)") from exc
    es5 = Path(mathjax.__file__).parent / "static" / "mathjax" / "es5"
    if not (es5 / MATHJAX_ENTRY).is_file():
        raise RuntimeError(f"{es5 / MATHJAX_ENTRY} is missing: reinstall django-static-mathjax (`make setup`)")
    return es5


def copy_mathjax(static_dir: Path) -> Path:
    """Copy the MathJax files the book uses into ``static_dir/mathjax``; return that folder."""
    src, dst = mathjax_source(), Path(static_dir) / "mathjax"
    for part in _MATHJAX_PARTS:
        s, d = src / part, dst / part
        d.parent.mkdir(parents=True, exist_ok=True)
        if s.is_dir():
            shutil.copytree(s, d, dirs_exist_ok=True)
        else:
            shutil.copy2(s, d)
    return dst


def _on_config(app, config) -> None:
    path = config.mathjax_path or ""
    if "://" in path or path.startswith("//"):
        raise RuntimeError(f"mathjax_path is remote ({path}); the book serves MathJax itself: "
                           "set `mathjax_path: mathjax/tex-chtml.js` in _config.yml")
    mathjax_source()  # fail early, with the fix in the message


def _on_finished(app, exception) -> None:
    if exception is None and app.builder.format == "html":
        copy_mathjax(Path(app.outdir) / "_static")


def accessible_body(body: str) -> str:
    """docutils writes the bibliography as ``<div role="list">`` holding ``role="doc-biblioentry"`` entries: a
    list without list items (axe-core: aria-required-children, critical), and doc-biblioentry is deprecated
    (DPUB-ARIA 1.1; axe: aria-roles). Each entry becomes a list item, as DPUB-ARIA 1.1 recommends."""
    return body.replace('role="doc-biblioentry"', 'role="listitem"')


def _on_page(app, pagename, templatename, context, doctree) -> None:
    if "body" in context:
        context["body"] = accessible_body(context["body"])


def setup(app):
    app.connect("config-inited", _on_config)
    app.connect("build-finished", _on_finished)
    app.connect("html-page-context", _on_page)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
