"""Feedback that teaches without leaking (`cnngrade.publishing.feedback`): hidden tests split off, no output of a cell
that ran after the first test cell, test cells reduced to verdicts and bounded messages. The feedback of a
graded class, through real nbgrader, is checked in tests/test_class.py and tests/test_submission_files.py.
"""
import base64
import os
import zlib

import nbformat
import pytest

from cnngrade.publishing.feedback import (AFTER_TESTS_NOTE, HIDDEN_PLACEHOLDER, REMOVED_LINE, HideHiddenTests, bounded_message,
                               exception_name, raised_in_other_cells, scrub_text, secret_lines, short_error, split_hidden)

from conftest import ROOT


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


def test_exception_name_only_for_builtins():
    assert exception_name("AssertionError") == "AssertionError"
    assert exception_name("SyntaxError") == "SyntaxError"
    encoded = "X" + base64.b32encode(b"_secret_reference(x, block, 3)").decode().rstrip("=")
    assert exception_name(encoded) == "Exception"
    assert exception_name("print") == "Exception" and exception_name("not an identifier") == "Exception"


def test_bounded_message_cuts_at_the_limit_and_the_budget():
    assert bounded_message("AssertionError", "out: expected 3, got 4.", 400, 1600) == ("AssertionError: out: expected 3, got 4.", 23)
    text, used = bounded_message("AssertionError", "x" * 1000, 400, 1600)
    assert used == 400 and text.startswith("AssertionError: " + "x" * 400 + " [... cut") and "x" * 401 not in text
    text, used = bounded_message("ValueError", "y" * 100, 400, 30)
    assert used == 30 and "y" * 31 not in text
    text, used = bounded_message("ValueError", "y" * 100, 400, 0)
    assert used == 0 and "y" not in text.replace("only", "") and text.startswith("ValueError [message not shown")
    assert bounded_message("NotImplementedError", "", 400, 0) == ("NotImplementedError", 0)


def _test_cell(source, grade_id, score, outputs):
    cell = nbformat.v4.new_code_cell(source)
    cell.metadata["nbgrader"] = {"grade": True, "solution": False, "grade_id": grade_id, "points": 2, "score": score}
    cell.outputs = [nbformat.from_dict(o) for o in outputs]
    return cell


def _code_cell(source, outputs):
    cell = nbformat.v4.new_code_cell(source)
    cell.outputs = [nbformat.from_dict(o) for o in outputs]
    return cell


def _stdout(text):
    return {"output_type": "stream", "name": "stdout", "text": text}


HIDDEN = "_secret_reference(x, block, 3)"


def test_preprocessor_on_a_synthetic_notebook():
    """No gradebook: hides by the markers of the autograded cells; verdicts, short errors; a cell before the
    first test cell keeps its output, a cell after it shows a note instead."""
    error = {"output_type": "error", "ename": "AssertionError", "evalue": "out: expected 4, got 3.\nHint: twice",
             "traceback": ["----> 3 " + HIDDEN, "AssertionError: out: expected 4, got 3."]}
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        _code_cell("print('before')", [_stdout("before the tests\n")]),
        _test_cell(f"check(f(2))\n### BEGIN HIDDEN TESTS\n{HIDDEN}\n### END HIDDEN TESTS", "test_f", 0,
                   [_stdout("printed by the test\n"), error]),
        _test_cell("check(g(1))", "test_g", 2, []),
        _code_cell("print(In)", [_stdout(f"['{HIDDEN}']\nok\n")]),
    ]
    nb, _ = HideHiddenTests().preprocess(nb, {})
    before, first, second, snoop = nb.cells
    assert before.outputs[0].text == "before the tests\n"
    assert first.source == f"check(f(2))\n{HIDDEN_PLACEHOLDER}"
    assert first.outputs[0].text == "FAILED 0 / 2 points (test cell test_f)\n"
    assert first.outputs[1].traceback[0] == "AssertionError: out: expected 4, got 3.\nHint: twice"
    assert "printed by the test" not in str(first.outputs) and HIDDEN not in str(first.outputs)
    assert second.outputs[0].text == "PASSED 2 / 2 points (test cell test_g)\n"
    assert [o.text for o in snoop.outputs] == [AFTER_TESTS_NOTE]


# -- attacks on feedback (each failed on the scrubber of plain text alone) ------------------------------
def _leaky_notebook(evalue, ename="AssertionError", last_output=None):
    """A test cell with a hidden block that ran, then a student cell; what would leak is the hidden line."""
    nb = nbformat.v4.new_notebook()
    error = {"output_type": "error", "ename": ename, "evalue": evalue, "traceback": []}
    nb.cells = [_test_cell(f"check(f(2))\n### BEGIN HIDDEN TESTS\n{HIDDEN}\n### END HIDDEN TESTS", "test_f", 0, [error])]
    if last_output is not None:
        nb.cells.append(_code_cell("print(base64(zlib(In)))", [last_output]))
    return HideHiddenTests().preprocess(nb, {})[0]


def _decodable(text: str, payload: bytes) -> bool:
    """Whether the base64 of zlib(payload) (or a prefix of it longer than 40 characters) is in ``text``."""
    encoded = base64.b64encode(zlib.compress(payload)).decode()
    return encoded[:40] in text


def test_base64_history_printed_after_the_tests_is_not_shown():
    history = f"['', 'check(f(2))\\n{HIDDEN}']".encode()
    leak = _stdout(base64.b64encode(zlib.compress(history)).decode() + "\n")
    nb = _leaky_notebook("out: wrong", last_output=leak)
    assert not _decodable(str(nb.cells[1].outputs), history)
    for payload in ({"output_type": "display_data", "metadata": {},
                     "data": {"text/plain": base64.b64encode(zlib.compress(history)).decode()}},
                    {"output_type": "execute_result", "metadata": {}, "execution_count": 3,
                     "data": {"text/html": "<b>" + base64.b64encode(zlib.compress(history)).decode() + "</b>"}}):
        nb = _leaky_notebook("out: wrong", last_output=payload)
        assert not _decodable(str(nb.cells[1].outputs), history)
        assert nb.cells[1].outputs[0].text == AFTER_TESTS_NOTE


@pytest.mark.parametrize("ename", ["AssertionError", "HiddenTestsAsClassName"])
def test_exception_message_carrying_encoded_hidden_code_is_bounded(ename):
    """A student function called by a test raises with the test's source, compressed and encoded: at most
    ``max_message_chars`` of it reach the feedback, and the notebook's total is bounded."""
    source = nbformat.read(ROOT / "solutions" / "01-one-by-one" / "01-one-by-one.ipynb", as_version=4)
    hidden_suite = "\n".join(line for cell in source.cells if cell.cell_type == "code"
                             for line in split_hidden(cell.source)[1]).encode()
    encoded = base64.b64encode(zlib.compress(hidden_suite, 9)).decode()
    assert len(encoded) > 3000  # chapter 1's hidden tests: about 4,100 characters this way
    nb = _leaky_notebook(encoded, ename=ename)
    shown = "".join(nb.cells[0].outputs[1].traceback)
    assert encoded[:400] in shown and encoded[:401] not in shown
    assert ename not in shown or ename == "AssertionError"
    # twenty failing test cells: no more than the notebook's budget in all
    nb = nbformat.v4.new_notebook()
    error = {"output_type": "error", "ename": "AssertionError", "evalue": encoded, "traceback": []}
    nb.cells = [_test_cell("check(f(2))", f"test_{i}", 0, [dict(error)]) for i in range(20)]
    nb = HideHiddenTests().preprocess(nb, {})[0]
    shown = [o.traceback[0] for cell in nb.cells for o in cell.outputs if o.output_type == "error"]
    leaked = sum(len(os.path.commonprefix([line.removeprefix("AssertionError: "), encoded])) for line in shown)
    assert leaked == HideHiddenTests().max_notebook_message_chars == 1600 < len(encoded)


def _ipython_traceback(cells: list[str], test_history: bool = True) -> tuple[list[str], int]:
    """The structured traceback (as a kernel sends it) of the last cell, run after the others, and its count;
    ``test_history=False`` runs the last cell without history, as the grading worker may run test cells."""
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    for i, code in enumerate(cells):
        result = shell.run_cell(code, store_history=test_history or i < len(cells) - 1)
    err = result.error_in_exec
    return shell.InteractiveTB.structured_traceback(type(err), err, err.__traceback__), result.execution_count


def test_only_messages_raised_outside_other_cells_are_shown():
    """A check's (or the test cell's own) message is shown; one raised in a student's function that the test
    called is replaced by a generic line, with or without an ``exec`` of a string in between."""
    check, count = _ipython_traceback(["from cnnblocks.checks import check_equal", "check_equal(1 + 1, 3, 'sum')"])
    assert not raised_in_other_cells(check)
    student, count = _ipython_traceback(["def f(x):\n    raise AssertionError('H4sIAAAA' * 50)", "check_equal(f(2), 3)"])
    assert raised_in_other_cells(student)
    hidden_exec, count = _ipython_traceback(["exec('def g(x):\\n    raise ValueError(x)')", "g('payload')"])
    assert raised_in_other_cells(hidden_exec)
    for history in (True, False):
        check_only, _ = _ipython_traceback(["import cnnblocks.checks as c", "c.check_equal(2, 3)"], history)
        assert not raised_in_other_cells(check_only), history
        through, _ = _ipython_traceback(["def h(x):\n    return c.check_equal(x, 3)", "h(2)"], history)
        assert raised_in_other_cells(through), history
    nb = nbformat.v4.new_notebook()
    error = nbformat.from_dict({"output_type": "error", "ename": "AssertionError", "evalue": "H4sIAAAA" * 50,
                                "traceback": student})
    nb.cells = [_test_cell("check_equal(f(2), 3)", "test_f", 0, [])]
    nb.cells[0].outputs, nb.cells[0].execution_count = [error], count
    shown = "".join(HideHiddenTests().preprocess(nb, {})[0].cells[0].outputs[1].traceback)
    assert "H4sIAAAA" not in shown and "AssertionError raised inside code of another cell" in shown


# -- markup written by a student never reaches the feedback page as markup (red team B, issue #20) ---------
class _Markup:
    """Tags, event-handler attributes and script text of an HTML page."""

    def __init__(self, page):
        from html.parser import HTMLParser

        self.tags, self.handlers, self.scripts = [], [], []
        outer = self

        class Parser(HTMLParser):
            def handle_starttag(self, tag, attrs):
                outer.tags.append(tag)
                outer.handlers += [f"{tag} {k}={v}" for k, v in attrs if k.lower().startswith("on")]
                self.in_script = tag == "script"

            def handle_data(self, data):
                if getattr(self, "in_script", False):
                    outer.scripts.append(data)

            def handle_endtag(self, tag):
                self.in_script = False

        Parser().feed(page)


def _display(data, metadata=None):
    return {"output_type": "display_data", "data": data, "metadata": metadata or {}}


def test_student_markup_is_shown_as_text_or_dropped_never_rendered():
    """Before: `display(HTML('<script>...'))` in a cell before the first test cell (and SVG, JavaScript,
    Markdown outputs, a raw cell, HTML in a Markdown cell, an image's width) went into the page as markup.
    Rendered here with nbconvert's classic template (nbgrader's feedback template extends it)."""
    from nbconvert import HTMLExporter

    payloads = {
        "text/html": "<script>alert(1)</script><img src=x onerror=alert(2)>",
        "application/javascript": "alert(3)",
        "image/svg+xml": "<svg xmlns='http://www.w3.org/2000/svg' onload='alert(4)'></svg>",
        "text/markdown": "<img src=x onerror=alert(5)>",
        "text/latex": "<script>alert(6)</script>",
        "application/vnd.jupyter.widget-view+json": {"model_id": "x", "version_major": 2, "version_minor": 0},
    }
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("My answer <script>alert(7)</script> <img src=x onerror=alert(8)> and `a <b> c`"),
        nbformat.v4.new_raw_cell("<script>alert(9)</script>"),
        _code_cell("show()", [
            *[_display({mime: value, "text/plain": "<object>"}) for mime, value in payloads.items()],
            _display({"image/png": 'iVBORw0KGgo=" onerror="alert(10)'}),
            _display({"image/png": "iVBORw0KGgo="}, {"image/png": {"width": "1 onerror=alert(11)"}}),
            {"output_type": "stream", "name": 'x"><script>alert(12)</script>', "text": "<script>alert(13)</script>"},
            {"output_type": "error", "ename": "<script>alert(14)</script>", "evalue": "<img src=x onerror=alert(15)>",
             "traceback": ["<script>alert(16)</script>"]},
        ]),
        _test_cell("check(f(2))", "test_f", 0, [{"output_type": "error", "ename": "AssertionError",
                                                  "evalue": "<script>alert(17)</script>", "traceback": ["x"]}]),
    ]
    nb, _ = HideHiddenTests().preprocess(nb, {})
    page, _ = HTMLExporter(template_name="classic").from_notebook_node(nb)
    markup = _Markup(page)
    assert not markup.handlers, markup.handlers
    assert not [s for s in markup.scripts if "alert(" in s], markup.scripts
    assert "svg" not in markup.tags
    shown = nb.cells[2].outputs
    notes = [o.text for o in shown if o.output_type == "stream" and o.text.startswith("[output of type")]
    assert len(notes) == len(payloads) + 1, notes
    assert [o.data for o in shown if o.output_type == "display_data"] == [{"text/plain": "<object>"}] * len(payloads) + [
        {"image/png": "iVBORw0KGgo="}]
    for text in ("&lt;script&gt;alert(7)", "&lt;script&gt;alert(13)", "&lt;img src=x onerror=alert(15)&gt;",
                 "&lt;script&gt;alert(17)"):
        assert text in page, text
