"""Feedback that teaches without leaking: pass/fail, points and messages shown, hidden tests never.

The slow tests grade a small chapter-1 class through real nbgrader (the repository's configuration,
in a throw-away course): the solution, the blank stub, two known-wrong variants, and the valid
alternative that makes PyTorch warn in a notebook whose last exercise cell also prints IPython's input
history (which holds the hidden tests of every test cell that ran before it). No line of any hidden test may appear
in any feedback file; the visible tests, the verdicts and the failure messages must.
"""
from html.parser import HTMLParser

import pytest

from cnngrade import notebook as nbtools
from cnngrade import variants as variants_mod
from cnngrade.course import Course
from cnngrade.feedback import HIDDEN_PLACEHOLDER, REMOVED_LINE, scrub_text, secret_lines, split_hidden, short_error

from conftest import ROOT


CHAPTER = "01-one-by-one"
# Two known-wrong variants in one notebook (each loses its own cell), and the valid alternative that
# makes PyTorch warn in a notebook that also snoops (four submissions keep the test near a minute).
WRONG = ["conv1x1_transposed_weight", "sbb_missing_relu"]
ALT = "conv1x1_torch_tensor_copy"
SNOOP = "\nprint(In)\nprint('\\n'.join(In))\n"


# -- units -----------------------------------------------------------------------------------------
def test_split_hidden_keeps_visible_lines_and_indentation():
    source = "check(a)\n    ### BEGIN HIDDEN TESTS\n    secret_one()\nsecret_two()\n### END HIDDEN TESTS\ncheck(b)"
    visible, hidden = split_hidden(source)
    assert visible == f"check(a)\n    {HIDDEN_PLACEHOLDER}\ncheck(b)"
    assert hidden == ["    secret_one()", "secret_two()"]


def test_split_hidden_unterminated_block_hides_to_the_end():
    visible, hidden = split_hidden("a()\n### BEGIN HIDDEN TESTS\nb()\nc()")
    assert visible == f"a()\n{HIDDEN_PLACEHOLDER}" and hidden == ["b()", "c()"]


def test_secret_lines_ignore_short_and_public_lines():
    hidden = ["    for x in range(3):", "        _reference(x, block, 3)", ")", "with torch.no_grad():"]
    public = ["with torch.no_grad():\n    check(y)"]
    assert secret_lines(hidden, public) == {"for x in range(3):", "_reference(x, block, 3)"}


def test_scrub_text_replaces_lines_that_quote_a_secret_raw_or_escaped():
    secrets = {'check_equal(f(x), "ok")'}
    text = 'fine\n---> 3 check_equal(f(x), "ok")\nalso fine\n<span>check_equal(f(x), &quot;ok&quot;)</span>'
    assert scrub_text(text, secrets) == f"fine\n{REMOVED_LINE}\nalso fine\n{REMOVED_LINE}"
    assert scrub_text("nothing to hide\n", secrets) == "nothing to hide\n"


def test_short_error():
    assert short_error("AssertionError", "out: expected 3, got 4.") == "AssertionError: out: expected 3, got 4."
    assert short_error("KeyboardInterrupt", "") == "KeyboardInterrupt"


# -- a graded class --------------------------------------------------------------------------------
class _Text(HTMLParser):
    """The text a reader sees (tags dropped, entities decoded; no <style>/<script>)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self._skip = [], 0

    def handle_starttag(self, tag, attrs):
        self._skip += tag in ("style", "script")

    def handle_endtag(self, tag):
        self._skip -= tag in ("style", "script") and self._skip > 0

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def page_text(path) -> str:
    parser = _Text()
    parser.feed(path.read_text())
    return "".join(parser.parts)


def hidden_test_lines(source, released) -> set[str]:
    """Every stripped non-blank line (over 10 characters) between the markers that students never see
    (not also part of a line of the released notebook, such as a visible test's `with torch.no_grad():`)."""
    public = "\n".join(cell.source for cell in released.cells)
    found = set()
    for cell in source.cells:
        _, hidden = split_hidden(cell.source) if nbtools.is_test_cell(cell) else ("", [])
        found |= {ln.strip() for ln in hidden if len(ln.strip()) > 10 and ln.strip() not in public}
    return found


@pytest.fixture(scope="module")
def feedback_class(tmp_path_factory):
    course = Course(tmp_path_factory.mktemp("feedback"), ROOT)
    released = course.generate(CHAPTER)
    source = course.source_notebook(CHAPTER)
    by_name = {v.name: v for v in variants_mod.load(ROOT / "autograde", CHAPTER)}

    def code(name):
        v = by_name[name]
        return v.replaces, v.resolve(nbtools.solved_source(nbtools.cell_by_id(source, v.replaces)))

    keras_cell = nbtools.solved_source(nbtools.cell_by_id(source, "small_basic_block_keras"))
    submissions = {
        "correct": nbtools.make_submission(released, source, keep_demos=False),
        "blank": nbtools.make_submission(released, source, solve=False, keep_demos=False),
        "wrong": nbtools.make_submission(released, source, dict(code(n) for n in WRONG), keep_demos=False),
        "alt-snoop": nbtools.make_submission(
            released, source, dict([code(ALT), ("small_basic_block_keras", keras_cell + SNOOP)]), keep_demos=False
        ),
    }
    for student, nb in submissions.items():
        course.submit(student, CHAPTER, nb)
    course.autograde(CHAPTER, "engine", "--workers", "1")  # four notebooks: a second warm worker costs more than it saves
    course.feedback(CHAPTER)
    pages = {student: page_text(course.feedback_html(student, CHAPTER)) for student in submissions}
    return course, source, released, course.scores(CHAPTER), pages


@pytest.mark.slow
def test_no_hidden_test_line_in_any_feedback(feedback_class):
    _, source, released, _, pages = feedback_class
    secrets = hidden_test_lines(source, released)
    assert len(secrets) > 50  # chapter 1 has many hidden lines; an empty set would prove nothing
    leaks = {student: sorted(s for s in secrets if s in text) for student, text in pages.items()}
    assert leaks == {student: [] for student in pages}
    for student, text in pages.items():
        assert "most recent call last" not in text, f"{student}: a full traceback is shown"
        assert "BEGIN HIDDEN TESTS" not in text and HIDDEN_PLACEHOLDER in text


@pytest.mark.slow
def test_snooping_on_the_input_history_is_scrubbed(feedback_class):
    _, _, _, scores, pages = feedback_class
    assert REMOVED_LINE in pages["alt-snoop"]


@pytest.mark.slow
def test_feedback_shows_visible_tests_verdicts_and_messages(feedback_class):
    _, source, _, scores, pages = feedback_class
    visible_first_lines = [split_hidden(c.source)[0].splitlines()[0].strip() for c in source.cells if nbtools.is_test_cell(c)]
    for student, text in pages.items():
        missing = [ln for ln in visible_first_lines if ln not in text]
        assert not missing, f"{student}: visible test lines missing: {missing}"
    for student, cells in scores.items():
        for cell, s in cells.items():
            verdict = "PASSED" if s.score == s.max_score else "FAILED"
            assert f"{verdict} {s.score:g} / {s.max_score:g} points (test cell {cell})" in pages[student]
    assert "NotImplementedError" in pages["blank"]
    assert "This test cell stopped at the check above" in pages["blank"]
    assert "RuntimeError: einsum()" in pages["wrong"]  # the first failing line's own message
    assert "AssertionError: SmallBasicBlock(12, 32) output:" in pages["wrong"]  # a hidden check's message
    assert "Hint: order: 1x1, ReLU, (3,1), ReLU, (1,3), ReLU, 1x1" in pages["wrong"]


@pytest.mark.slow
def test_scores_and_the_warning_rule(feedback_class):
    _, source, _, scores, pages = feedback_class
    full = {cell: pts for cell, pts in nbtools.test_cells(source).items()}
    got = {student: {cell: s.score for cell, s in cells.items() if cell in full} for student, cells in scores.items()}
    assert got["correct"] == full and got["alt-snoop"] == full  # snooping is not a mistake in itself
    assert got["blank"] == {cell: 0 for cell in full}
    assert got["wrong"] == {**full, "test_conv1x1_as_matmul": 0, "test_small_basic_block_equivalence": 0}
    # the warning that used to cost the points is shown to the student, as a warning
    assert "Warning (not an error): UserWarning: To copy construct from a tensor" in pages["alt-snoop"]


def test_preprocessor_on_a_synthetic_notebook():
    """No gradebook: hides by the markers of the autograded cells; verdicts, short errors, scrubbed outputs."""
    import nbformat

    from cnngrade.feedback import HideHiddenTests

    def test_cell(source, grade_id, score, outputs):
        cell = nbformat.v4.new_code_cell(source)
        cell.metadata["nbgrader"] = {"grade": True, "solution": False, "grade_id": grade_id, "points": 2, "score": score}
        cell.outputs = [nbformat.from_dict(o) for o in outputs]
        return cell

    hidden = "_secret_reference(x, block, 3)"
    error = {"output_type": "error", "ename": "AssertionError", "evalue": "out: expected 4, got 3.\nHint: twice",
             "traceback": ["----> 3 " + hidden, "AssertionError: out: expected 4, got 3."]}
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        test_cell(f"check(f(2))\n### BEGIN HIDDEN TESTS\n{hidden}\n### END HIDDEN TESTS", "test_f", 0, [error]),
        test_cell("check(g(1))", "test_g", 2, []),
        nbformat.v4.new_code_cell("print(In)"),
    ]
    nb.cells[2].outputs = [nbformat.from_dict({"output_type": "stream", "name": "stdout", "text": f"['{hidden}']\nok\n"})]
    nb, _ = HideHiddenTests().preprocess(nb, {})
    first, second, snoop = nb.cells
    assert first.source == f"check(f(2))\n{HIDDEN_PLACEHOLDER}"
    assert first.outputs[0].text == "FAILED 0 / 2 points (test cell test_f)\n"
    assert first.outputs[1].traceback[0] == "AssertionError: out: expected 4, got 3.\nHint: twice"
    assert hidden not in str(first.outputs)
    assert second.outputs[0].text == "PASSED 2 / 2 points (test cell test_g)\n"
    assert snoop.outputs[0].text == f"{REMOVED_LINE}\nok\n"
