"""The book's build infrastructure (instructor side; students never import this).

* A Sphinx extension (``sphinx: extra_extensions: [cnngrade.book]`` in ``_config.yml``) that serves MathJax 3
  from the built book itself: it copies the MathJax files shipped by the PyPI package ``django-static-mathjax``
  (installed by ``make setup``; MathJax 3.2.2, no Django needed) into ``_build/html/_static/mathjax/``, which is
  where ``mathjax_path: mathjax/tex-chtml.js`` points. Nothing is downloaded at build time; nothing is committed.
* :func:`instructor_book`: a generated copy of the book configuration whose chapters are the solution
  notebooks (``make book-instructor``).
"""
from __future__ import annotations

import shutil
from pathlib import Path

import yaml

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


def setup(app):
    app.connect("config-inited", _on_config)
    app.connect("build-finished", _on_finished)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
