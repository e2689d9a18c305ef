"""``make similarity CHAPTER=...``: which submissions of a class share the code their students wrote.

Only the exercise cells are compared (nbgrader solution cells, code and written answers, found by
``grade_id``), with the released notebook's text subtracted (``collect``); code is normalised with
Python's ``ast`` (``normalize``), fingerprinted by winnowing (``fingerprint``), each match weighed by
its rarity in the class and indexed so that only pairs that share something are scored (``score``);
``report`` writes the instructor's page and CSV, ``bench`` the synthetic benchmark.
"""
from __future__ import annotations

from pathlib import Path

from .. import notebook as nbtools
from .collect import ClassSet, load_class
from .score import Analysis, analyse


def run(submitted: Path, chapter: str, released: Path, out: Path) -> tuple[Analysis, list[Path]]:
    """Compare ``submitted/<student>/<chapter>/<chapter>.ipynb``; write the report into ``out``."""
    from .report import write

    analysis = analyse(load_class(Path(submitted), chapter, Path(released)))
    return analysis, write(analysis, Path(out))


def course_paths(autograde_dir: Path, chapter: str) -> tuple[Path, Path, Path]:
    """(submitted folder, released notebook, report folder) of the course configured in ``autograde_dir``."""
    from ..engine import course_directory, load_config

    coursedir = course_directory(load_config(autograde_dir))
    root = Path(coursedir.root)
    work = root / Path(coursedir.autograded_directory).parent
    released = root / nbtools.notebook_path(coursedir.release_directory, chapter)
    if not released.exists():
        released = Path(__file__).resolve().parents[3] / nbtools.notebook_path("chapters", chapter)
    return root / coursedir.submitted_directory, released, work / "reports" / chapter


def report_section(autograde_dir: Path, chapter: str) -> str:
    """A short HTML section for ``make report``'s page (writes the full similarity report beside it)."""
    import html

    try:
        submitted, released, out = course_paths(autograde_dir, chapter)
        analysis, _ = run(submitted, chapter, released, out)
    except Exception as err:  # noqa: BLE001 - the class report must not fail because of this section
        return f"<h2>Similarity</h2><p>Not computed: {html.escape(type(err).__name__)}: {html.escape(str(err))}</p>"
    top = "".join(f"<li>{html.escape(p.a)} &amp; {html.escape(p.b)}: score {p.score:.2f}</li>" for p in analysis.flagged[:10])
    return (f"<h2>Similarity</h2><p>{len(analysis.flagged)} pair(s) of students share unusually much of the code "
            f"they wrote, in {len(analysis.clusters)} cluster(s). Similarity is a reason to look, not a verdict: "
            f"see <a href=\"similarity.html\">similarity.html</a> (side-by-side code, heatmap) and similarity.csv.</p>"
            f"<ul>{top or '<li>none</li>'}</ul>")


__all__ = ["Analysis", "ClassSet", "analyse", "load_class", "run", "course_paths", "report_section"]
