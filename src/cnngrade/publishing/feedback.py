"""Feedback that teaches without leaking hidden tests: an nbgrader preprocessor for GenerateFeedback.

nbgrader's autograde restores every test cell from the gradebook, hidden tests included, and
``nbgrader generate_feedback`` renders the autograded notebook as it is: the feedback HTML shows the
source of every hidden test, and IPython tracebacks quote the failing hidden line again
(jupyter/nbgrader#917). Worse, once a test cell has run, student code can read its source (IPython's
``In`` history, the caller's frame, ``linecache``) and print it in any encoding (compressed + base64, say),
which no scrubbing of text can recognise. So :class:`HideHiddenTests` (after nbgrader's ``GetGrades``)
decides by *position*, not by content:

* cells **before the first test cell** ran before any hidden test existed in the kernel: their outputs are
  shown (errors as ``ExceptionName: message``);
* every other cell that is not a test cell (student or lesson cells after the first test cell): its
  outputs are replaced by one line saying so (and, if it raised, the name of a built-in exception);
* a **test cell** shows only ``PASSED 2 / 2 points`` / ``FAILED 0 / 2 points``, and for a failure the
  exception's name (a Python built-in's, else a generic word) and its message: the ``check_*`` messages and
  hints teach. Two rules bound what a student can pass through a message:
  - an exception whose traceback goes through code of another cell (a student's function that the test
    called, which can raise with the test's source as its message) shows its name and a generic line only;
  - a message can still quote a value the student's function returned (``got ...``), and a traceback can
    be forged (``compile`` with a library's file name; a check's exception caught and raised again with
    other arguments): so each message is cut at ``max_message_chars`` and a notebook shows at most
    ``max_notebook_message_chars`` of them (later ones are replaced by a line saying so);
* the hidden block of every test cell (``### BEGIN HIDDEN TESTS`` ... ``### END HIDDEN TESTS``) is replaced
  by one comment line; the source comes from the gradebook's copy of the source notebook when available;
* as a last layer, any output line left that quotes a hidden test line is removed;
* the page is the student's (and whoever opens it: instructor, TA, an LMS that hosts it), so nothing a
  student wrote reaches it as markup: outputs keep only ``SAFE_MIME_TYPES`` (plain text, PNG/JPEG whose data
  is base64), with a one-line note for what was dropped (HTML, JavaScript, SVG, Markdown, LaTeX, widgets);
  output metadata (an image's width, which nbconvert writes unquoted) and odd stream names are dropped;
  raw HTML in Markdown cells is escaped (shown as text) and raw cells are left out. Text, tracebacks and error messages go through
  nbconvert's ``ansi2html``, which escapes them.

Configured in ``autograde/nbgrader_config.py`` (``c.GenerateFeedback.preprocessors``, the two limits).
"""
from __future__ import annotations

import builtins
import html
import re
from typing import Iterable

from nbformat import NotebookNode
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Integer

from ..notebook import HIDDEN_BEGIN, HIDDEN_END, is_test_cell
HIDDEN_PLACEHOLDER = "# (hidden tests run at grading time; their code is not shown in feedback)"
REMOVED_LINE = "[line removed from feedback: it quotes a hidden test]"
AFTER_TESTS_NOTE = ("[output not shown in feedback: this cell ran after the first test cell, when it could read the "
                    "hidden tests]\n")
RAISED_ELSEWHERE = ("{name} raised inside code of another cell that this test called; its message is not shown in "
                    "feedback (run the test cell in your notebook to see it).")
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
_FRAME = re.compile(r"^\s*(?:Cell In\[(\d+)\], line \d+|File (\S+?):\d+)", re.MULTILINE)
TEST_OUTPUT_NOTE = "[the rest of this test cell's output is not shown in feedback]\n"
# Output lines are scrubbed only for secret lines at least this long: short ones (")", "else:")
# occur everywhere and reveal nothing.
MIN_SECRET_LENGTH = 10


def split_hidden(source: str) -> tuple[str, list[str]]:
    """``(visible source with each hidden block replaced by a placeholder, hidden lines)``.

    A block that is opened and never closed hides everything to the end of the cell.
    """
    visible: list[str] = []
    hidden: list[str] = []
    inside = False
    for line in source.splitlines():
        marker = line.strip()
        if not inside and marker == HIDDEN_BEGIN:
            inside = True
            visible.append(line[: len(line) - len(line.lstrip())] + HIDDEN_PLACEHOLDER)
        elif inside and marker == HIDDEN_END:
            inside = False
        elif inside:
            hidden.append(line)
        else:
            visible.append(line)
    return "\n".join(visible), hidden


def secret_lines(hidden: Iterable[str], public_sources: Iterable[str], min_length: int = MIN_SECRET_LENGTH) -> set[str]:
    """Hidden lines (stripped) worth scrubbing: long enough, and not also a line of a public cell."""
    public = {line.strip() for source in public_sources for line in source.splitlines()}
    return {s for s in (line.strip() for line in hidden) if len(s) >= min_length and s not in public}


def scrub_text(text: str, secrets: set[str]) -> str:
    """``text`` with every line that contains a secret line (raw or HTML-escaped) replaced."""
    if not secrets or not any(s in text or html.escape(s) in text for s in secrets):
        return text
    out = []
    for line in text.splitlines(keepends=True):
        if any(s in line or html.escape(s) in line for s in secrets):
            out.append(REMOVED_LINE + ("\n" if line.endswith("\n") else ""))
        else:
            out.append(line)
    return "".join(out)


def short_error(ename: str, evalue: str) -> str:
    """``ExceptionName: message`` (the check helpers' messages are written to teach)."""
    return f"{ename}: {evalue}" if evalue else ename


def exception_name(ename: str) -> str:
    """``ename`` if it names a Python built-in exception, else a generic word (a class the student defines
    can have any name, a long encoded one included)."""
    value = getattr(builtins, ename, None) if ename.isidentifier() else None
    return ename if isinstance(value, type) and issubclass(value, BaseException) else "Exception"


def raised_in_other_cells(traceback: list[str]) -> bool:
    """Whether an IPython traceback has a frame of code from another cell than the one that ran (the first
    frame is always that cell, the test cell; another ``Cell In[k]`` is a cell the student wrote) or of code
    without a file (``exec`` of a string): then the exception was raised in, or passed through, student code.
    The first frame is the reference, not the cell's ``execution_count``: a test cell run without history
    has no count of its own."""
    frames = [(m.group(1), m.group(2)) for m in _FRAME.finditer(_ANSI.sub("", "\n".join(traceback)))]
    if not frames:
        return False
    own = frames[0][0]
    return any((count is not None and count != own) or (path is not None and path.startswith("<"))
               for count, path in frames[1:])


def bounded_message(ename: str, evalue: str, limit: int, budget: int) -> tuple[str, int]:
    """``(text, characters of the message used)``: ``Name: message`` with the message cut at ``limit`` and
    at what is left of the notebook's ``budget``."""
    name = exception_name(ename)
    evalue = evalue or ""
    allowed = max(0, min(limit, budget))
    if not evalue:
        return name, 0
    if allowed == 0:
        return f"{name} [message not shown: feedback shows at most {limit} characters of each failure message " \
               f"and a limited total per notebook]", 0
    shown = evalue[:allowed]
    cut = f" [... cut: feedback shows at most {allowed} characters of this message]" if len(evalue) > allowed else ""
    return short_error(name, shown) + cut, len(shown)


SAFE_MIME_TYPES = ("text/plain", "image/png", "image/jpeg")
DROPPED_NOTE = "[output of type {types} not shown in feedback: it shows plain text and PNG/JPEG images only]\n"
RAW_NOT_RENDERED = "text/x-not-in-feedback"
_BASE64 = re.compile(r"[A-Za-z0-9+/=\s]*")
_CODE_SPAN = re.compile(r"(`+)[\s\S]*?\1")
_TAG_START = re.compile(r"<(?=[A-Za-z!/?])")


def safe_outputs(outputs: list) -> list:
    """``outputs`` with only what feedback can show as text or as an image, never as markup or script:
    display data reduced to ``SAFE_MIME_TYPES`` (images only when their data is base64 text; metadata
    dropped), a note per output that lost a type, streams named stdout/stderr, errors as they are (nbconvert
    escapes them), any other output type replaced by a note."""
    shown = []
    for output in outputs:
        kind = output.get("output_type")
        if kind == "stream":
            if output.get("name") not in ("stdout", "stderr"):
                output.name = "stdout"
            output.text = output.get("text", "") if isinstance(output.get("text", ""), str) else ""
            shown.append(output)
        elif kind == "error":
            shown.append(output)
        elif kind in ("display_data", "execute_result"):
            data = dict(output.get("data", {}))
            dropped = sorted(m for m, v in data.items() if m not in SAFE_MIME_TYPES
                             or not isinstance(v, str) or (m != "text/plain" and not _BASE64.fullmatch(v)))
            output.data = NotebookNode({m: v for m, v in data.items() if m not in dropped})
            output.metadata = NotebookNode({})
            if output.data:
                shown.append(output)
            if dropped:
                shown.append(_stream(DROPPED_NOTE.format(types=", ".join(dropped))))
        else:
            shown.append(_stream(DROPPED_NOTE.format(types=f"output_type {str(kind)[:40]!r}")))
    return shown


def escape_markdown_html(source: str) -> str:
    """Markdown with every raw HTML tag start (``<`` before a letter, ``/``, ``!`` or ``?``) outside code
    spans backslash-escaped, so it renders as text (``<script>`` shows as ``<script>``, runs nothing)."""
    parts, last = [], 0
    for span in _CODE_SPAN.finditer(source):
        parts.append(_TAG_START.sub(r"\\<", source[last:span.start()]))
        parts.append(span.group(0))
        last = span.end()
    parts.append(_TAG_START.sub(r"\\<", source[last:]))
    return "".join(parts)


def _scrub_output(output: NotebookNode, secrets: set[str]) -> None:
    if output.output_type == "stream":
        output.text = scrub_text(output.text, secrets)
    elif output.output_type == "error":
        output.evalue = scrub_text(output.evalue, secrets)
        output.traceback = [scrub_text(line, secrets) for line in output.traceback]
    elif "data" in output:
        for mime, value in list(output.data.items()):
            if isinstance(value, str):
                output.data[mime] = scrub_text(value, secrets)
            elif isinstance(value, list) and all(isinstance(v, str) for v in value):
                output.data[mime] = [scrub_text(v, secrets) for v in value]


def _score_line(cell: NotebookNode) -> str | None:
    meta = cell.metadata.nbgrader
    score, points = meta.get("score"), meta.get("points")
    if score is None or points is None:
        return None
    score, points = float(score), float(points)
    verdict = "PASSED" if score >= points else "FAILED"
    return f"{verdict} {score:g} / {points:g} points (test cell {meta.get('grade_id')})\n"


def _errors(outputs: list) -> list:
    return [o for o in outputs if o.output_type == "error"]


def _stream(text: str) -> NotebookNode:
    return NotebookNode({"output_type": "stream", "name": "stdout", "text": text})


class HideHiddenTests(NbGraderPreprocessor):
    """GenerateFeedback step: no hidden test source, no output of cells that ran after the first test cell,
    test cells reduced to a verdict and a bounded failure message."""

    max_message_chars = Integer(400, help="characters of a test cell's failure message shown (0: none)").tag(config=True)
    max_notebook_message_chars = Integer(
        1600, help="characters of failure messages shown in all of a notebook's test cells together").tag(config=True)

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        sources = self._gradebook_sources(resources)
        hidden: list[str] = []
        for cell in nb.cells:
            if is_test_cell(cell):
                original = sources.get(cell.metadata.nbgrader.get("grade_id"), cell.source)
                visible, cell_hidden = split_hidden(original)
                _, also_hidden = split_hidden(cell.source)  # whatever the autograded copy holds
                hidden += cell_hidden + also_hidden
                cell.source = visible
        public = [c.source for c in nb.cells if c.cell_type in ("code", "markdown")]
        secrets = secret_lines(hidden, public) | {HIDDEN_BEGIN, HIDDEN_END}
        budget = self.max_notebook_message_chars
        tests_started = False
        for cell in nb.cells:
            if cell.cell_type == "markdown":
                cell.source = escape_markdown_html(cell.source)
            elif cell.cell_type == "raw":  # nbconvert copies a raw cell of no format (or HTML) into the page as is
                cell.metadata["raw_mimetype"] = RAW_NOT_RENDERED
            if cell.cell_type != "code":
                continue
            outputs = cell.get("outputs", [])
            if is_test_cell(cell):
                tests_started = True
                cell.outputs, used = self._test_outputs(cell, outputs, budget)
                budget -= used
            elif tests_started:
                cell.outputs = [_stream(AFTER_TESTS_NOTE + self._raised(outputs))] if outputs else []
            else:
                for output in outputs:
                    if output.output_type == "error":
                        output.traceback = [short_error(output.ename, output.evalue)]
            cell.outputs = safe_outputs(cell.outputs)
            for output in cell.outputs:
                _scrub_output(output, secrets)
        return nb, resources

    @staticmethod
    def _raised(outputs: list) -> str:
        errors = _errors(outputs)
        return f"This cell raised {exception_name(errors[0].ename)}.\n" if errors else ""

    def _test_outputs(self, cell: NotebookNode, outputs: list, budget: int) -> tuple[list, int]:
        """A test cell's outputs in feedback: its verdict, its error with a bounded message, nothing else."""
        verdict = _score_line(cell)
        errors = _errors(outputs)
        shown, used = [], 0
        if verdict and verdict.startswith("FAILED") and not errors:
            if any(o.output_type == "stream" and o.get("name") == "stderr" for o in outputs):
                verdict += "The cell wrote to stderr, which counts as a failure.\n"
        if verdict:
            shown.append(_stream(verdict))
        if errors:
            error = errors[0]
            if raised_in_other_cells(error.get("traceback", [])):
                text, used = RAISED_ELSEWHERE.format(name=exception_name(error.ename)), 0
            else:
                text, used = bounded_message(error.ename, error.evalue, self.max_message_chars, budget)
            error.ename, error.evalue = exception_name(error.ename), text.partition(": ")[2] if ": " in text else ""
            error.traceback = [text, "This test cell stopped at the check above; the checks after it did not run."]
            shown.append(error)
        if len(outputs) > len(errors):
            shown.append(_stream(TEST_OUTPUT_NOTE))
        return shown, used

    def _gradebook_sources(self, resources: dict) -> dict[str, str]:
        """``{grade_id: source}`` of the source notebook's cells as the gradebook stores them."""
        info = resources.get("nbgrader", {})
        if not all(k in info for k in ("db_url", "notebook", "assignment")):
            return {}
        from nbgrader.api import Gradebook, MissingEntry

        sources: dict[str, str] = {}
        try:
            with Gradebook(info["db_url"]) as gb:
                notebook = gb.find_notebook(info["notebook"], info["assignment"])
                for source_cell in notebook.source_cells:
                    sources[source_cell.name] = source_cell.source
        except MissingEntry:
            self.log.warning("feedback: no source notebook in the gradebook; hiding by markers only")
        return sources
