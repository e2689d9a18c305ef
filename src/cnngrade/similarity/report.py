"""The instructor's page: ranked pairs, clusters, a class heatmap, side-by-side code, and a CSV."""
from __future__ import annotations

import base64
import csv
import html
import io
from pathlib import Path

from . import score as scoring
from .score import Analysis, PairScore

CAVEAT = ("Similarity is a reason to look, not a verdict. Two students who share rare code may have worked "
          "together as allowed, used the same tutor, book or assistant, or one may have taken the other's "
          "work without their knowledge. Read both notebooks and talk to the students before you decide "
          "anything.")
CANNOT_SEE = ("It compares only what students wrote in the exercise cells (the released code subtracted). "
              "It cannot see a copy that was rewritten by hand, code that two students each got from the same "
              "AI assistant or web page (which may look alike without any copying between them), or "
              "collaboration that left no common code.")
MAX_DETAILED = 60
CSV_MIN_SCORE = 0.2


def _csv_cell(value) -> str:
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _heatmap_png(analysis: Analysis) -> str:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    n = len(analysis.students)
    position = {s: i for i, s in enumerate(analysis.students)}
    first = [s for cluster in analysis.clusters for s in cluster]
    order = first + [s for s in analysis.students if s not in set(first)]
    idx = [position[s] for s in order]
    matrix = analysis.matrix[idx][:, idx] if n else analysis.matrix
    size = 4 + min(6, n / 40)
    fig, ax = plt.subplots(figsize=(size + 1.5, size))
    image = ax.imshow(matrix, vmin=0, vmax=1, cmap="magma_r", interpolation="nearest")
    fig.colorbar(image, ax=ax, label="notebook score (rarity-weighted shared code, 0 to 1)")
    ax.set_title(f"{analysis.chapter}: similarity of every pair of {n} students\n"
                 f"(members of flagged clusters first, top left)")
    if n <= 50:
        ax.set_xticks(range(n), order, rotation=90, fontsize=7)
        ax.set_yticks(range(n), order, fontsize=7)
    else:
        ax.set_xlabel("student (ordered by cluster)")
        ax.set_ylabel("student (ordered by cluster)")
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=90, bbox_inches="tight")
    plt.close(fig)
    return base64.b64encode(buffer.getvalue()).decode()


def _highlighted(source: str, spans: dict[int, list[tuple[int, int]]], weights: dict[int, float], matched: set[int]) -> str:
    """The student's code, one line per row, matching lines shaded by the rarity of what matched."""
    lines = source.splitlines() or [""]
    level = [0.0] * len(lines)
    common = [False] * len(lines)
    for value in matched:
        for first, last in spans.get(value, []):
            for number in range(max(1, first), min(len(lines), last) + 1):
                w = weights.get(value, 0.0)
                if w > 0:
                    level[number - 1] = max(level[number - 1], w)
                else:
                    common[number - 1] = True
    rows = []
    for number, line in enumerate(lines, start=1):
        w = level[number - 1]
        if w > 0:
            style = f' style="background:rgba(255,140,0,{0.25 + 0.6 * min(1.0, w):.2f})" title="matches, weight {w:.2f}"'
        elif common[number - 1]:
            style = ' style="background:#eee" title="matches, but common in the class (weight 0)"'
        else:
            style = ""
        rows.append(f'<span class="ln">{number:3d}</span><span{style}>{html.escape(line) or " "}</span>')
    return "\n".join(rows)


def _pair_detail(analysis: Analysis, pair: PairScore, anchor: str) -> str:
    subs = {s.student: s for s in analysis.classes.submissions}
    a, b = subs[pair.a], subs[pair.b]
    parts = [f'<h3 id="{anchor}">{html.escape(pair.a)} &amp; {html.escape(pair.b)}: score {pair.score:.2f}, '
             f'evidence {pair.evidence:.1f}</h3>']
    if pair.reasons:
        parts.append("<p>Flagged: " + "; ".join(html.escape(r) for r in pair.reasons) + "</p>")
    for name, match in sorted(pair.exercises.items(), key=lambda kv: -kv[1].shared):
        if match.shared < 0.5:
            continue
        ans_a, ans_b = a.answers[name], b.answers[name]
        weights = analysis.weights[name]
        matched = ans_a.fingerprints.hashes & ans_b.fingerprints.hashes
        parts.append(f"<h4><code>{html.escape(name)}</code>: containment {match.containment:.2f}, "
                     f"evidence {match.shared:.1f}</h4><table class='side'><tr><th>{html.escape(pair.a)}</th>"
                     f"<th>{html.escape(pair.b)}</th></tr><tr>"
                     f"<td><pre>{_highlighted(ans_a.source, ans_a.fingerprints.spans, weights, matched)}</pre></td>"
                     f"<td><pre>{_highlighted(ans_b.source, ans_b.fingerprints.spans, weights, matched)}</pre></td>"
                     "</tr></table>")
    return "\n".join(parts)


def write(analysis: Analysis, out: Path) -> list[Path]:
    """``similarity.html`` and ``similarity.csv`` in ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    names = analysis.exercises
    csv_path = out / "similarity.csv"
    with open(csv_path, "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["student_a", "student_b", "flagged", "cluster", "notebook_score", "evidence", "reasons",
                         *[f"{n}_{what}" for n in names for what in ("containment", "evidence")]])
        for pair in analysis.pairs:
            if not (pair.flagged or pair.score >= CSV_MIN_SCORE):
                continue
            per = []
            for name in names:
                match = pair.exercises.get(name)
                per += [f"{match.containment:.3f}", f"{match.shared:.2f}"] if match else ["", ""]
            writer.writerow([_csv_cell(pair.a), _csv_cell(pair.b), int(pair.flagged), pair.cluster or "",
                             f"{pair.score:.3f}", f"{pair.evidence:.2f}", _csv_cell("; ".join(pair.reasons)), *per])

    esc = html.escape
    flagged = analysis.flagged
    shown = flagged + [p for p in analysis.pairs if not p.flagged][:max(10, 30 - len(flagged))]
    rows = []
    for rank, pair in enumerate(shown, start=1):
        top = sorted(pair.exercises.items(), key=lambda kv: -kv[1].shared)[:3]
        top_html = ", ".join(f"<code>{esc(n)}</code> {m.containment:.2f}" for n, m in top)
        link = f'<a href="#pair{rank}">code</a>' if pair.flagged and rank <= MAX_DETAILED else ""
        rows.append(f"<tr{' class=flag' if pair.flagged else ''}><td>{rank}</td><td>{esc(pair.a)}</td>"
                    f"<td>{esc(pair.b)}</td><td>{pair.score:.2f}</td><td>{pair.evidence:.1f}</td>"
                    f"<td>{pair.cluster or ''}</td><td>{top_html}</td><td>{link}</td></tr>")
    clusters_html = "".join(f"<li>cluster {i}: {', '.join(esc(s) for s in c)}</li>"
                            for i, c in enumerate(analysis.clusters, start=1)) or "<li>none</li>"
    skipped_html = "".join(f"<li><code>{esc(s)}</code>: {esc(r)}</li>" for s, r in sorted(analysis.classes.skipped.items())) \
        or "<li>none</li>"
    per_exercise = []
    for ex in analysis.classes.exercises:
        answered = sum(1 for s in analysis.classes.submissions if ex.grade_id in s.answers)
        unparsed = sum(1 for s in analysis.classes.submissions
                       if ex.grade_id in s.answers and s.answers[ex.grade_id].read_as == "tokens")
        flagged_on = sum(1 for p in flagged if any(r.startswith(ex.grade_id + ":") for r in p.reasons))
        per_exercise.append(f"<tr><td><code>{esc(ex.grade_id)}</code></td><td>{'written answer' if ex.kind == 'markdown' else 'code'}"
                            f"</td><td>{answered}</td><td>{unparsed}</td><td>{flagged_on}</td></tr>")
    details = [_pair_detail(analysis, p, f"pair{i}") for i, p in enumerate(shown, start=1) if p.flagged and i <= MAX_DETAILED]
    page = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{esc(analysis.chapter)}: similarity</title>
<style>body{{font-family:sans-serif;max-width:1200px;margin:2em auto}}td,th{{border-bottom:1px solid #ddd;padding:3px 8px;
vertical-align:top;text-align:left}}table{{border-collapse:collapse}}tr.flag td{{background:#fff3e0}}
.caveat{{border-left:6px solid #c62828;background:#ffebee;padding:.6em 1em}}table.side td{{width:50%}}
pre{{font-size:12px;margin:0;white-space:pre-wrap}}.ln{{color:#999;user-select:none;margin-right:8px}}</style></head><body>
<h1>{esc(analysis.chapter)}: which submissions share their code</h1>
<p class="caveat"><strong>{esc(CAVEAT)}</strong></p>
<p>{esc(CANNOT_SEE)}</p>
<p>{len(analysis.students)} notebooks compared, {len(analysis.classes.skipped)} not read; {len(flagged)} pairs flagged
in {len(analysis.clusters)} cluster(s). A pair is flagged when its notebook score is at least {scoring.NOTEBOOK_SCORE}
with evidence at least {scoring.NOTEBOOK_EVIDENCE:g}, or one code exercise has containment at least
{scoring.EXERCISE_CONTAINMENT} with evidence at least {scoring.EXERCISE_EVIDENCE:g}, or one written answer has
containment at least {scoring.TEXT_CONTAINMENT} with evidence at least {scoring.TEXT_EVIDENCE:g}.</p>
<h2>How to read this page</h2>
<ul><li><strong>Notebook score</strong> (0 to 1): how much of the distinctive code of the student who wrote less is
also in the other's notebook, over the code exercises both answered (written answers are scored one by one). Code is compared after names, comments, layout,
dead code and the order of independent statements are normalised away.</li>
<li><strong>Evidence</strong>: how much rare code the two share, in units of "a fingerprint (about one statement)
that only these two wrote". Each match is weighed by its rarity in this class: code that half the class wrote
weighs nothing, so the few correct forms of a short exercise do not count.</li>
<li><strong>Clusters</strong>: students linked by flagged pairs (a group that shares one source).</li>
<li>In the code below, shaded lines match the other student; the darker, the rarer in the class. Grey lines
match too, but many students wrote them.</li></ul>
<h2>Clusters</h2><ul>{clusters_html}</ul>
<h2>Pairs, most similar first</h2>
<table><tr><th>#</th><th>student</th><th>student</th><th>notebook score</th><th>evidence</th><th>cluster</th>
<th>most similar exercises (containment)</th><th></th></tr>{''.join(rows)}</table>
<p>All pairs with a notebook score of at least {CSV_MIN_SCORE} and all flagged pairs, with per-exercise numbers:
<code>similarity.csv</code>.</p>
<h2>Class heatmap</h2>
<img alt="Heatmap of the notebook score of every pair of students" src="data:image/png;base64,{_heatmap_png(analysis)}">
<h2>Exercises</h2><table><tr><th>cell</th><th>kind</th><th>answered</th><th>did not parse (compared as tokens)</th>
<th>pairs flagged on it</th></tr>{''.join(per_exercise)}</table>
<h2>Not read</h2><ul>{skipped_html}</ul>
<h2>Flagged pairs, side by side</h2>
{''.join(details) or '<p>none</p>'}
</body></html>"""
    html_path = out / "similarity.html"
    html_path.write_text(page)
    return [html_path, csv_path]
