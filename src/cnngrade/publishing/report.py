"""``make report CHAPTER=...``: how the class did, per test cell, for the instructor.

From the gradebook (scores), the autograded notebooks (failure messages of test cells) and the engine's
record of the last run (submissions that could not be graded, integrity flags), it writes into
``<work>/reports/<chapter>/``:

* ``report.html``: pass rate per test cell (bar chart), the most common failure messages per cell
  (messages that differ only in numbers are grouped), the score histogram, the students who could not
  be graded with the reason, and the flagged submissions;
* ``report.csv``: one row per test cell (points, graded, passed, pass rate, the top messages);
* a "Similarity" section, and beside the page ``similarity.html`` / ``similarity.csv`` (``cnngrade.similarity``).
"""
from __future__ import annotations

import base64
import csv
import html
import io
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from cnnblocks import selfcheck

from .. import notebook as nbtools


@dataclass
class CellStats:
    cell: str
    points: float
    graded: int = 0
    passed: int = 0
    messages: Counter = field(default_factory=Counter)
    examples: dict[str, str] = field(default_factory=dict)

    @property
    def pass_rate(self) -> float:
        return self.passed / self.graded if self.graded else 0.0


_NUMBER = re.compile(r"-?\d+(\.\d+)?(e-?\d+)?")
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def failure_message(cell) -> str:
    """The first line of why the cell scored zero (the student's self-check says the same), without colours."""
    why = selfcheck.failure(cell)
    return _ANSI.sub("", why.strip().splitlines()[0]) if why and why.strip() else (why or "")


def group_key(message: str) -> str:
    return _NUMBER.sub("#", message)


def collect(coursedir_root: Path, work: Path, chapter: str) -> tuple[list[CellStats], dict[str, float], float, dict]:
    """(per-cell statistics, total score per graded student, maximum score, engine record)."""
    from nbgrader.api import Gradebook

    db_url = "sqlite:///" + str(work / "gradebook.db")
    totals: dict[str, float] = {}
    stats: dict[str, CellStats] = {}
    max_score = 0.0
    with Gradebook(db_url) as gb:
        assignment = gb.find_assignment(chapter)
        max_score = float(assignment.max_score)
        for submission in assignment.submissions:
            graded_nb = work / "autograded" / nbtools.notebook_path(submission.student.id, chapter)
            if not graded_nb.exists():
                continue
            cells = {nbtools.grade_id(c): c for c in nbtools.read(graded_nb).cells if nbtools.grade_id(c)}
            total = 0.0
            for nb_submission in submission.notebooks:
                for grade in nb_submission.grades:
                    total += float(grade.score or 0)
                    cell = cells.get(grade.name)
                    if cell is None or not nbtools.is_test_cell(cell):
                        continue
                    st = stats.setdefault(grade.name, CellStats(grade.name, float(grade.max_score)))
                    st.graded += 1
                    if grade.score == grade.max_score:
                        st.passed += 1
                    else:
                        message = failure_message(cell) or "no output (scored zero)"
                        key = group_key(message)
                        st.messages[key] += 1
                        st.examples.setdefault(key, message)
            totals[submission.student.id] = total
    record_path = work / "engine" / f"{chapter}.json"
    record = json.loads(record_path.read_text())["students"] if record_path.exists() else {}
    source = nbtools.read(coursedir_root / nbtools.notebook_path("solutions", chapter)) \
        if (coursedir_root / "solutions" / chapter).exists() else None
    order = list(nbtools.test_cells(source)) if source is not None else sorted(stats)
    ordered = [stats[c] for c in order if c in stats] + [s for c, s in stats.items() if c not in order]
    return ordered, totals, max_score, record


def _figure_png(fig) -> str:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100, bbox_inches="tight")
    return base64.b64encode(buffer.getvalue()).decode()


def write_report(autograde_dir: Path, chapter: str) -> list[Path]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from ..engine import course_directory, load_config

    coursedir = course_directory(load_config(autograde_dir))
    root = Path(coursedir.root)
    work = root / Path(coursedir.autograded_directory).parent
    stats, totals, max_score, record = collect(root, work, chapter)
    out = work / "reports" / chapter
    out.mkdir(parents=True, exist_ok=True)

    with open(out / "report.csv", "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["cell", "points", "graded", "passed", "pass_rate", "top_messages"])
        for st in stats:
            top = " | ".join(f"{n}x {st.examples[k]}" for k, n in st.messages.most_common(3))
            writer.writerow([st.cell, f"{st.points:g}", st.graded, st.passed, f"{st.pass_rate:.3f}", top])

    fig, ax = plt.subplots(figsize=(8, 0.45 * max(3, len(stats)) + 1))
    ax.barh([s.cell for s in stats][::-1], [100 * s.pass_rate for s in stats][::-1], color="#4C72B0")
    ax.set_xlim(0, 100)
    ax.set_xlabel("students who passed (%)")
    ax.set_title(f"{chapter}: pass rate per test cell ({len(totals)} graded)")
    rates_png = _figure_png(fig)
    plt.close(fig)
    fig, ax = plt.subplots(figsize=(8, 3.5))
    ax.hist(list(totals.values()), bins=min(20, int(max_score) + 1 if max_score else 10), range=(0, max_score or 1),
            color="#55A868", edgecolor="white")
    ax.set_xlabel(f"total score (of {max_score:g})")
    ax.set_ylabel("students")
    ax.set_title(f"{chapter}: score histogram")
    hist_png = _figure_png(fig)
    plt.close(fig)

    failed = {s: r for s, r in record.items() if r.get("status") == "failed"}
    flagged = {s: r["flags"] for s, r in record.items() if r.get("flags")}
    esc = html.escape
    rows = []
    for st in stats:
        messages = "".join(f"<li>{n} &times; <code>{esc(st.examples[k][:300])}</code></li>" for k, n in st.messages.most_common(5))
        rows.append(f"<tr><td><code>{esc(st.cell)}</code></td><td>{st.points:g}</td><td>{st.passed}/{st.graded}"
                    f" ({100 * st.pass_rate:.0f}%)</td><td><ul>{messages}</ul></td></tr>")
    failed_html = "".join(f"<li><code>{esc(s)}</code>: {esc(r.get('reason', ''))}</li>" for s, r in sorted(failed.items())) \
        or "<li>none</li>"
    def flag_items(flags: list[dict]) -> str:
        return "".join("<li>" + esc(f["kind"]) + ": " + esc(f["detail"]) + "</li>" for f in flags)

    flagged_html = "".join(f"<li><code>{esc(s)}</code><ul>{flag_items(fl)}</ul></li>"
                           for s, fl in sorted(flagged.items())) or "<li>none</li>"
    from ..similarity import report_section

    similarity_section = report_section(autograde_dir, chapter)  # also writes similarity.html/.csv beside this page
    page = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{esc(chapter)}: class report</title>
<style>body{{font-family:sans-serif;max-width:1000px;margin:2em auto}}td,th{{border-bottom:1px solid #ddd;padding:4px 8px;
vertical-align:top;text-align:left}}table{{border-collapse:collapse}}</style></head><body>
<h1>{esc(chapter)}: class report</h1>
<p>{len(totals)} submissions graded, {len(failed)} could not be graded, {len(flagged)} flagged for review.
Mean score {sum(totals.values()) / max(1, len(totals)):.2f} of {max_score:g}.</p>
<h2>Pass rate per test cell</h2><img alt="Bar chart of the percentage of students who passed each test cell" src="data:image/png;base64,{rates_png}">
<h2>Most common failure messages</h2><table><tr><th>test cell</th><th>points</th><th>passed</th><th>failure messages (grouped)</th></tr>
{''.join(rows)}</table>
<h2>Score histogram</h2><img alt="Histogram of the students' total scores" src="data:image/png;base64,{hist_png}">
<h2>Could not be graded</h2><ul>{failed_html}</ul>
<h2>Flagged for review</h2><p>Student code that rebinds or patches what tests use, or reaches outside its folder.
Patched helpers were restored before each test cell, so the tests ran with the real ones.</p><ul>{flagged_html}</ul>
{similarity_section}
</body></html>"""
    (out / "report.html").write_text(page)
    return [out / "report.html", out / "report.csv"] + \
        [out / name for name in ("similarity.html", "similarity.csv") if (out / name).exists()]
