"""The book's Sphinx extensions live in ``_ext/`` as Jupyter Book local extensions: listed in ``_config.yml``,
loadable without the grading tools, shipped by the student edition with the same configuration; the
configurations the editions derive from it find them from another folder. No book build here."""
import importlib.util
import os
import sys
from pathlib import Path

import pytest
import yaml

from cnngrade.publishing import edition
from cnngrade.publishing.book import book_env, instructor_config

ROOT = Path(__file__).resolve().parents[2]
CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text())
LOCAL = CONFIG["sphinx"]["local_extensions"]


def _load(name: str, folder: str):
    spec = importlib.util.spec_from_file_location(f"_test_{name}", ROOT / folder / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_local_extension_is_listed_loads_alone_and_imports_no_grading_tool():
    assert set(LOCAL) == {"course_book", "course_translations"}
    extensions = CONFIG["sphinx"]["config"]["extensions"]  # replaces Jupyter Book's list: it must name them
    assert not [e for e in extensions if e.startswith("cnngrade")]
    for name, folder in LOCAL.items():
        assert name in extensions, name
        code = (ROOT / folder / f"{name}.py").read_text()
        assert not edition._imports_grading_tools_at_load(code), name
        before = set(sys.modules)
        module = _load(name, folder)
        assert callable(module.setup)
        assert not any(m.startswith("cnngrade") for m in set(sys.modules) - before), name


def test_course_book_makes_the_bibliography_a_list_of_items():
    module = _load("course_book", LOCAL["course_book"])
    body = '<div role="list"><div role="doc-biblioentry">A</div></div>'
    assert module.accessible_body(body) == '<div role="list"><div role="listitem">A</div></div>'


def test_the_language_switch_links_are_relative():
    module = _load("course_translations", LOCAL["course_translations"])
    (link,) = module.links("chapters/01-x/01-x", [["zh_CN", "简体中文", "zh_CN/"]])
    assert link == {"href": "../../zh_CN/chapters/01-x/01-x.html", "name": "简体中文", "hreflang": "zh-CN"}


def test_configurations_written_elsewhere_find_the_extensions(tmp_path):
    """A derived configuration keeps the book's ``sphinx`` section (its ``_ext`` is relative to a folder
    without one): the tools' ``jupyter-book`` runs get the book's extension folders on ``PYTHONPATH``."""
    config_path, _ = instructor_config(ROOT, tmp_path)
    assert yaml.safe_load(config_path.read_text())["sphinx"]["local_extensions"] == LOCAL
    path = book_env(ROOT)["PYTHONPATH"].split(os.pathsep)
    for name, folder in LOCAL.items():
        assert str(ROOT / folder) in path and (ROOT / folder / f"{name}.py").is_file(), name


def test_the_student_edition_keeps_the_configuration_less_the_translated_books():
    text = (ROOT / "_config.yml").read_text()
    student = edition._student_config(text, ROOT)
    removed = [line for line in text.splitlines() if line not in student.splitlines()]
    assert len(removed) == 1 and removed[0].strip().startswith("course_translations: [[")
    assert yaml.safe_load(student)["sphinx"]["local_extensions"] == LOCAL


def test_the_student_edition_refuses_an_extension_that_needs_the_grading_tools(tmp_path):
    text = (ROOT / "_config.yml").read_text()
    with pytest.raises(edition.EditionError, match="cnngrade.report"):
        edition._student_config(text.replace("      - course_book ", "      - cnngrade.report\n      - course_book "), ROOT)
    (tmp_path / "_ext").mkdir()
    (tmp_path / "_ext" / "course_book.py").write_text("from cnngrade.notebook import read\n\ndef setup(app):\n    pass\n")
    (tmp_path / "_ext" / "course_translations.py").write_text((ROOT / "_ext" / "course_translations.py").read_text())
    with pytest.raises(edition.EditionError, match="_ext/course_book.py"):
        edition._student_config(text, tmp_path)
