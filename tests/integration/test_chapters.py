"""Every chapter's graded tests are proven through the grading engine (nbgrader's preprocessors and
converter around warm sandboxed workers, checked against plain nbgrader in test_engine.py); the
repository stays consistent.

`prove` grades, in one throw-away course: the solution (full marks, no stderr or displayed value in
test cells), the released stub (zero on every test cell), each known-wrong variant in
autograde/known_wrong/<chapter>/ (zero exactly on the test cells it names, full marks elsewhere) and
each valid alternative in autograde/valid_alternatives/<chapter>/ (full marks); variants of different
exercises that no test cell sees together share a notebook (`cnngrade.authoring.prove.pack`; `make check-engine`
grades each alone).
"""
import re

import pytest
import yaml

from cnngrade import notebook as nbtools
from cnngrade.authoring import variants
from cnngrade.authoring.prove import prove_many, static_problems
from cnngrade.authoring.sync import out_of_sync

from conftest import CHAPTERS, ROOT


def test_there_are_chapters():
    assert "01-one-by-one" in CHAPTERS


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_static_rules(chapter):
    problems = static_problems(chapter, ROOT)
    assert not problems, "\n".join(map(str, problems))


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_grading_reruns_only_lesson_cells_that_change_global_state(chapter):
    """The engine skips a lesson cell unless it changes global state or a cell that runs reads from it
    (`engine.plan_cells`). A lesson cell that reaches into an object another lesson cell made (a forward
    hook on the trained model, say) runs for every student and drags in the cells it reads, training
    included: chapter 5 once graded in 10 s per student instead of 1.5 for that reason."""
    from cnngrade import engine

    released = nbtools.read(ROOT / "chapters" / chapter / f"{chapter}.ipynb")
    source = nbtools.read(ROOT / "solutions" / chapter / f"{chapter}.ipynb")
    submission = nbtools.make_submission(released, source)
    kinds = engine.plan_cells(submission, released, engine.setup_module_names(released))
    dragged = [cell.get("id") for cell, kind in zip(submission.cells, kinds)
               if kind == "lesson" and engine.self_contained(cell.source)]
    assert not dragged, (f"{chapter}: lesson cells {dragged} run for every graded student only because a lesson "
                         "cell that changes state reads their names: make that cell self-contained")


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_exercise_has_variants_of_both_kinds(chapter):
    source = nbtools.read(ROOT / "solutions" / chapter / f"{chapter}.ipynb")
    exercises = set(nbtools.exercise_ids(source))
    found = variants.load(ROOT / "autograde", chapter)
    wrong = {v.replaces for v in found if v.kind == variants.KNOWN_WRONG}
    alternative = {v.replaces for v in found if v.kind == variants.VALID_ALTERNATIVES}
    assert exercises <= wrong, f"exercises without a known-wrong implementation: {sorted(exercises - wrong)}"
    assert exercises <= alternative, f"exercises without a valid alternative: {sorted(exercises - alternative)}"


@pytest.mark.parametrize("folder", ["solutions", "chapters"])
def test_no_committed_outputs(folder):
    for path in sorted((ROOT / folder).glob("*/*.ipynb")):
        assert not nbtools.has_committed_outputs(nbtools.read(path)), f"{path} has outputs: clear them"


def test_released_chapters_hide_solutions_and_hidden_tests():
    for chapter in CHAPTERS:
        text = (ROOT / "chapters" / chapter / f"{chapter}.ipynb").read_text()
        for marker in ("BEGIN SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS"):
            assert marker not in text, f"chapters/{chapter} contains '{marker}'"
        assert "raise NotImplementedError()" in text


def test_toc_lists_every_chapter_in_order():
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    parts = {part["caption"]: [entry["file"] for entry in part["chapters"]] for part in toc["parts"]}
    assert list(parts) == ["Chapters", "Reference"], "the table of contents has a Chapters and a Reference part"
    assert parts["Chapters"] == [f"chapters/{c}/{c}" for c in CHAPTERS], "every chapter, in order, nothing else"
    assert parts["Reference"] == ["glossary", "bibliography"]


def test_every_chapter_ends_with_a_summary_and_point_table():
    for chapter in CHAPTERS:
        source = nbtools.read(ROOT / "solutions" / chapter / f"{chapter}.ipynb")
        markdown = "\n".join(c.source for c in source.cells if c.cell_type == "markdown")
        assert re.search(r"^## Summary", markdown, re.M), f"{chapter}: no '## Summary' section"
        manual = sum(float(nbtools.nbgrader_meta(c)["points"]) for c in source.cells if nbtools.is_manual_cell(c))
        total = sum(nbtools.test_cells(source).values()) + manual
        assert re.search(rf"\*\*{total:g}\*\*", markdown), f"{chapter}: point table does not total {total:g}"


@pytest.mark.slow
def test_chapters_are_in_sync_with_solutions():
    stale = out_of_sync(ROOT)
    assert not stale, f"chapters/ differs from a fresh `make release` for: {stale}"


@pytest.fixture(scope="module")
def proofs(tmp_path_factory):
    """Every chapter's proof class in one throw-away course, graded by one run of the engine."""
    return prove_many(CHAPTERS, workdir=tmp_path_factory.mktemp("proofs"), root=ROOT)


@pytest.mark.slow
@pytest.mark.parametrize("chapter", CHAPTERS)
def test_graded_tests_are_proven_through_the_engine(proofs, chapter):
    problems = proofs[chapter]
    assert not problems, "\n".join(map(str, problems))
