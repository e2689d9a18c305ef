"""The book's build infrastructure (instructor side; students never import this).

* A Sphinx extension (``sphinx: extra_extensions: [cnngrade.book]`` in ``_config.yml``) that serves MathJax 3
  from the built book itself: it copies the MathJax files shipped by the PyPI package ``django-static-mathjax``
  (installed by ``make setup``; MathJax 3.2.2, no Django needed) into ``_build/html/_static/mathjax/``, which is
  where ``mathjax_path: mathjax/tex-chtml.js`` points. Nothing is downloaded at build time; nothing is committed.
* :func:`instructor_config` writes a copy of the book configuration whose chapters are the solution
  notebooks, :func:`build` runs ``jupyter-book`` on it, ``python -m cnngrade.book instructor`` (:func:`main`)
  does both (``make book-instructor``).
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


# -- instructor edition -------------------------------------------------------------------------------------
def instructor_config(root: Path, dest: Path) -> tuple[Path, Path]:
    """Write the instructor edition's ``_config.yml`` and ``_toc.yml`` into ``dest``, generated from the book's
    own: same pages, but each chapter is its solution notebook (solutions and hidden tests shown and executed).
    Returns (config, toc)."""
    root, dest = Path(root).resolve(), Path(dest).resolve()
    config = yaml.safe_load((root / "_config.yml").read_text())
    toc = yaml.safe_load((root / "_toc.yml").read_text())
    config["title"] = f"{config.get('title', 'Book')} (instructor edition: solutions inside, do not publish)"
    config["exclude_patterns"] = [p for p in config.get("exclude_patterns", []) if not p.startswith("solutions")]
    config["exclude_patterns"].append("chapters/*")
    config.setdefault("execute", {})["exclude_patterns"] = []
    html = config.setdefault("html", {})
    html["announcement"] = "Instructor edition: solutions and hidden tests are shown. Do not publish."

    def to_solution(entries):
        for entry in entries:
            f = entry.get("file", "")
            if f.startswith("chapters/"):
                entry["file"] = "solutions/" + f[len("chapters/"):]
            for key in ("sections", "chapters"):
                if key in entry:
                    to_solution(entry[key])

    for part in toc.get("parts", []):
        to_solution(part["chapters"])
    to_solution(toc.get("chapters", []))
    dest.mkdir(parents=True, exist_ok=True)
    header = "# Generated by `python -m cnngrade.book instructor` from the book's own file: do not edit.\n"
    (dest / "_config.yml").write_text(header + yaml.safe_dump(config, sort_keys=False))
    (dest / "_toc.yml").write_text(header + yaml.safe_dump(toc, sort_keys=False))
    return dest / "_config.yml", dest / "_toc.yml"


def build(root: Path, out: Path, config: Path | None = None, toc: Path | None = None, strict: bool = True,
          all_pages: bool = False):
    """``jupyter-book build root --path-output out`` (-W -n --keep-going when strict); returns the process."""
    import subprocess
    import sys

    jb = shutil.which("jupyter-book") or str(Path(sys.executable).parent / "jupyter-book")
    cmd = [jb, "build", str(root), "--path-output", str(out)]
    if config:
        cmd += ["--config", str(config)]
    if toc:
        cmd += ["--toc", str(toc)]
    if strict:
        cmd += ["-W", "-n", "--keep-going"]
    if all_pages:
        cmd += ["--all"]
    return subprocess.run(cmd, capture_output=True, text=True)


def main(argv=None) -> int:
    import argparse

    from .course import repo_root

    parser = argparse.ArgumentParser(prog="python -m cnngrade.book", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    ins = sub.add_parser("instructor", help="build the instructor edition (chapters = solution notebooks)")
    ins.add_argument("out", nargs="?", default="_build/instructor", help="output folder (default: %(default)s)")
    args = parser.parse_args(argv)
    root = repo_root()
    out = (root / args.out).resolve()
    config, toc = instructor_config(root, out / "config")
    proc = build(root, out, config=config, toc=toc)
    print(proc.stdout[-3000:], proc.stderr[-3000:], sep="\n")
    if proc.returncode == 0:
        print(f"Instructor edition (do not publish): {out / '_build' / 'html' / 'index.html'}")
    return proc.returncode


if __name__ == "__main__":
    raise SystemExit(main())
