"""The book's language switch (a Jupyter Book local extension: ``sphinx: local_extensions`` in ``_config.yml``):
a link from every page to the same page in the book's other languages.

``course_translations`` (set in ``_config.yml`` for the English book, and by ``cnngrade.publishing.translated_book``
for a translation) lists ``[code, name, root]``: ``root`` is the other book's folder relative to this book's root
(``zh_CN/`` from the English book, ``../`` from the Chinese one, which is published inside the English one).
The link is relative, so the two books work offline, from a file system or any web server, and it carries
``hreflang`` and ``lang`` so that a screen reader pronounces the language's own name correctly. It sits in
the page header next to the theme's buttons (``article_header_end``), on every page, at every width.

In a translated build it also lets MyST-NB's glue roles ({glue:text}`key`) inside a translated message find
the notebook's glued values: Sphinx parses each translation as a separate small document, which lacks the
notebook's renderer, so without this every glued number of a translated paragraph is a "No key found"
warning (an error with -W). The lookup falls back to the renderer of the page's own English parse (same page, same keys).

It imports nothing from ``cnngrade``: the student edition ships ``_ext/`` with the same ``_config.yml`` (less the
``course_translations`` line: it builds the English book only).
"""
from __future__ import annotations

from pathlib import Path

TEMPLATE = "course-language-switch.html"
_TEMPLATE_TEXT = """{%- for link in course_translation_links %}
<a class="btn btn-sm course-language-switch" href="{{ link.href }}" hreflang="{{ link.hreflang }}" lang="{{ link.hreflang }}"
   title="{{ link.name }}">{{ link.name }}</a>
{%- endfor %}
"""


def _bcp47(code: str) -> str:
    return code.replace("_", "-")


def links(pagename: str, translations, suffix: str = ".html") -> list[dict]:
    """The switch links of ``pagename`` (a docname such as ``chapters/01-x/01-x``)."""
    up = "../" * pagename.count("/")
    return [{"href": f"{up}{root}{pagename}{suffix}", "name": name, "hreflang": _bcp47(code)}
            for code, name, root in translations]


def _on_config(app, config) -> None:
    if not config.course_translations:
        return
    templates = Path(app.doctreedir).parent / "course-templates"
    templates.mkdir(parents=True, exist_ok=True)
    (templates / TEMPLATE).write_text(_TEMPLATE_TEXT)
    config.templates_path = list(config.templates_path or []) + [str(templates)]
    options = dict(config.html_theme_options or {})
    end = options.get("article_header_end") or ["article-header-buttons.html"]
    if isinstance(end, str):
        end = [part.strip() for part in end.split(",") if part.strip()]
    if TEMPLATE not in end:
        options["article_header_end"] = [TEMPLATE, *end]
    config.html_theme_options = options


def _on_page(app, pagename, templatename, context, doctree) -> None:
    context["course_translation_links"] = links(pagename, app.config.course_translations or [],
                                                app.builder.out_suffix if hasattr(app.builder, "out_suffix") else ".html")


def _glue_in_translations() -> None:
    """Patch MyST-NB's glue lookups (roles and directives): a lookup from a translated message (a document
    without the notebook's renderer) uses the renderer the page's own English parse used (same keys)."""
    from myst_nb.ext.glue import directives, roles, utils

    if getattr(utils.retrieve_glue_data, "_course_fallback", False):
        return
    original = utils.retrieve_glue_data
    renderers: dict[str, object] = {}

    def retrieve_glue_data(document, key):
        env = getattr(document.settings, "env", None)
        docname = getattr(env, "docname", None)
        if "nb_renderer" in document:
            renderers[docname] = document["nb_renderer"]
        elif docname in renderers:
            return original({"nb_renderer": renderers[docname]}, key)
        return original(document, key)

    retrieve_glue_data._course_fallback = True
    for module in (utils, roles, directives):
        module.retrieve_glue_data = retrieve_glue_data


def _on_builder(app) -> None:
    if app.config.language and app.config.language != "en" and app.config.locale_dirs:
        try:
            _glue_in_translations()
        except ImportError:  # no MyST-NB: nothing glued
            pass


def setup(app):
    app.add_config_value("course_translations", [], "html")
    app.connect("builder-inited", _on_builder)
    app.connect("config-inited", _on_config)
    app.connect("html-page-context", _on_page)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
