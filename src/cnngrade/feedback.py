"""Feedback that teaches without leaking hidden tests: an nbgrader preprocessor for GenerateFeedback.

nbgrader's autograde restores every test cell from the gradebook, hidden tests included, and
``nbgrader generate_feedback`` renders the autograded notebook as it is: the feedback HTML shows the
source of every hidden test, and IPython tracebacks quote the failing hidden line again
(jupyter/nbgrader#917). :class:`HideHiddenTests` runs after nbgrader's ``GetGrades`` and, per notebook:

* replaces the hidden block of every test cell (``### BEGIN HIDDEN TESTS`` ... ``### END HIDDEN TESTS``,
  markers included) by one comment line; the cell source is taken from the gradebook's copy of the
  source notebook when it is available (what the instructor wrote), else from the autograded cell;
* replaces every error output's traceback by ``ExceptionName: message`` plus, in a test cell, a line
  saying that the test cell failed; the message is what the failing ``check_*`` helper wrote to teach;
* puts a first output line on every test cell: ``PASSED 2 / 2 points`` or ``FAILED 0 / 2 points``;
* removes, from every output of every cell, any line that quotes a hidden test line (a student's cell
  could print IPython's ``In`` history, or a warning could quote its source line).

Configured in ``autograde/nbgrader_config.py`` (``c.GenerateFeedback.preprocessors``).
"""
from __future__ import annotations

import html
from typing import Iterable

from nbformat import NotebookNode
from nbgrader.preprocessors import NbGraderPreprocessor

HIDDEN_BEGIN = "### BEGIN HIDDEN TESTS"
HIDDEN_END = "### END HIDDEN TESTS"
HIDDEN_PLACEHOLDER = "# (hidden tests run at grading time; their code is not shown in feedback)"
REMOVED_LINE = "[line removed from feedback: it quotes a hidden test]"
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


def _is_test_cell(cell: NotebookNode) -> bool:
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return cell.cell_type == "code" and bool(meta.get("grade")) and not meta.get("solution")


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


def _stream(text: str) -> NotebookNode:
    return NotebookNode({"output_type": "stream", "name": "stdout", "text": text})


class HideHiddenTests(NbGraderPreprocessor):
    """GenerateFeedback step: no hidden test source anywhere, short error messages, a verdict per test cell."""

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        sources = self._gradebook_sources(resources)
        hidden: list[str] = []
        for cell in nb.cells:
            if _is_test_cell(cell):
                original = sources.get(cell.metadata.nbgrader.get("grade_id"), cell.source)
                visible, cell_hidden = split_hidden(original)
                _, also_hidden = split_hidden(cell.source)  # whatever the autograded copy holds
                hidden += cell_hidden + also_hidden
                cell.source = visible
        public = [c.source for c in nb.cells if c.cell_type in ("code", "markdown")]
        secrets = secret_lines(hidden, public) | {HIDDEN_BEGIN, HIDDEN_END}
        for cell in nb.cells:
            if cell.cell_type != "code":
                continue
            test = _is_test_cell(cell)
            outputs = []
            for output in cell.get("outputs", []):
                if output.output_type == "error":
                    lines = [short_error(output.ename, output.evalue)]
                    if test:
                        lines.append("This test cell stopped at the check above; the checks after it did not run.")
                    output.traceback = lines
                _scrub_output(output, secrets)
                outputs.append(output)
            if test:
                verdict = _score_line(cell)
                if verdict and verdict.startswith("FAILED") and not any(o.output_type == "error" for o in outputs):
                    if any(o.output_type == "stream" and o.get("name") == "stderr" for o in outputs):
                        verdict += "The cell wrote to stderr, which counts as a failure.\n"
                if verdict:
                    outputs.insert(0, _stream(verdict))
            cell.outputs = outputs
        return nb, resources

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
