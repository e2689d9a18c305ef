"""Feedback that teaches without leaking (`cnngrade.feedback`): hidden tests split off, their lines scrubbed
from every output, verdicts and short errors. The feedback of a graded class, through real nbgrader, is
checked in tests/test_class.py.
"""
from cnngrade.feedback import HIDDEN_PLACEHOLDER, REMOVED_LINE, scrub_text, secret_lines, split_hidden, short_error


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
