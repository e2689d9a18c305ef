"""Same grades? Grade one class with plain ``nbgrader autograde`` and with the engine, cell by cell.

* ``check_engine`` (``make check-engine``): the proofs' classes of every chapter (solution, stub, every
  known-wrong and valid variant).
* ``failure_class`` (``make test``): a smaller class that covers every chapter (the first chapter with its
  lesson cells, a known-wrong variant of each other chapter) and every failure kind: an error, a test cell
  that writes to stderr, a process that dies, an empty file and a file that is not a notebook;
  ``timeout_class``: a cell that never ends, graded with a short per-cell limit (the lesson cells of the
  first class need the course's).
* ``bench_grading`` (``make bench-grading``): a synthetic class of one chapter (correct, partial, wrong,
  broken; at least 24), graded both ways on the same machine, with both throughputs and their ratio.

Two courses are built from the same submissions (``Course`` folders using the repository's real
configuration), so the two runs cannot see each other's gradebook.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .. import notebook as nbtools
from . import variants as variants_mod
from ..course import Course, chapters as all_chapters, repo_root
from .prove import check_class, submit_class, variant_code

Builder = Callable[[Course], None]


@dataclass
class Comparison:
    submissions: int = 0
    cells: int = 0
    mismatches: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    failed: dict[str, list[str]] = field(default_factory=dict)
    graded: dict[str, list[str]] = field(default_factory=dict)  # by both graders, compared cell by cell
    problems: list[str] = field(default_factory=list)  # broken proof expectations (check_engine)

    @property
    def equal(self) -> bool:
        return not self.mismatches


def _grade(course: Course, chapters: list[str], engine: str, options: list[str]) -> float:
    """Grade with one engine; its output goes to ``<course>/<engine>.log`` for when grades differ."""
    start = time.perf_counter()
    with open(course.folder / f"{engine}.log", "a") as log:
        if engine == "nbgrader":
            for chapter in chapters:
                cmd = [sys.executable, "-m", "nbgrader", "autograde", chapter, "--force", *options]
                subprocess.run(cmd, cwd=course.root / "autograde", env=course.env(), stdout=log, stderr=log, text=True)
        else:
            proc = course.autograde(chapters, "engine", *options)
            log.write(proc.stdout + proc.stderr)
    return time.perf_counter() - start


def _student_scores(course: Course, chapter: str) -> dict[str, dict[str, float] | None]:
    """Per student, the score of each autograded cell, or None when the submission was not graded."""
    submitted = course.folder / "work" / "submitted"
    students = sorted(p.parent.name for p in submitted.glob(f"*/{chapter}"))
    scores = course.scores(chapter)
    result: dict[str, dict[str, float] | None] = {}
    for student in students:
        autograded = course.folder / "work" / "autograded" / nbtools.notebook_path(student, chapter)
        cells = scores.get(student)
        if not autograded.exists() or cells is None or any(s.score is None for s in cells.values()):
            result[student] = None
        else:
            result[student] = {cell: s.score for cell, s in cells.items() if not s.needs_manual_grade}
    return result


def compare(builder: Builder, chapters: list[str], workdir: Path, timeout: int | None = None,
            workers: int | None = None, side_by_side: bool = False, log: Callable[[str], None] = print) -> Comparison:
    """Build the class twice (``builder`` fills a course), grade with both, compare cell by cell.
    ``side_by_side``: both graders at the same time (for a class that mostly waits, such as a cell that
    never ends; the graders' times are then not throughputs)."""
    root = repo_root()
    first = Course(workdir / "nbgrader", root)
    builder(first)  # released notebooks, gradebook with the assignments, submissions: then a copy
    shutil.copytree(first.folder, workdir / "engine")
    courses = {"nbgrader": first, "engine": Course(workdir / "engine", root)}
    result = Comparison()
    nb_options = [f"--Execute.timeout={timeout}"] if timeout else []
    engine_options = ["--force"] + (["--timeout", str(timeout)] if timeout else []) + (["--workers", str(workers)] if workers else [])
    if side_by_side:
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(2) as pool:
            runs = {name: pool.submit(_grade, courses[name], chapters, name, options)
                    for name, options in (("nbgrader", nb_options), ("engine", engine_options))}
            result.seconds.update({name: run.result() for name, run in runs.items()})
    else:
        result.seconds["nbgrader"] = _grade(courses["nbgrader"], chapters, "nbgrader", nb_options)
        result.seconds["engine"] = _grade(courses["engine"], chapters, "engine", engine_options)
    for chapter in chapters:
        a, b = _student_scores(courses["nbgrader"], chapter), _student_scores(courses["engine"], chapter)
        outcomes = courses["engine"].engine_outcomes(chapter)
        result.failed[chapter] = sorted(s for s, o in outcomes.items() if o["status"] == "failed")
        result.graded[chapter] = []
        for student in sorted(set(a) | set(b)):
            result.submissions += 1
            sa, sb = a.get(student, "missing"), b.get(student, "missing")
            if sa is None or sb is None or sa == "missing" or sb == "missing":
                if sa != sb:
                    result.mismatches.append(f"{chapter}/{student}: nbgrader {'graded' if isinstance(sa, dict) else 'did not grade'}"
                                             f", engine {'graded' if isinstance(sb, dict) else 'did not grade'}"
                                             f" ({outcomes.get(student, {}).get('reason', '')})")
                continue
            result.graded[chapter].append(student)
            for cell in sorted(set(sa) | set(sb)):
                result.cells += 1
                if sa.get(cell) != sb.get(cell):
                    result.mismatches.append(f"{chapter}/{student}/{cell}: nbgrader {sa.get(cell)}, engine {sb.get(cell)}")
    return result


# -- the classes ---------------------------------------------------------------------------------------
def proof_classes(chapters: list[str]) -> Builder:
    def build(course: Course) -> None:
        for chapter in chapters:
            submit_class(course, chapter, alone=True)
    return build


FAILURE_CODE = {
    # student id: ({index of the exercise of chapter 1 it replaces: code, with `conv2d_params` standing for
    # that exercise's name}, what it shows)
    "lessons-stderr-then-error": ({
        0: "import sys\n\ndef conv2d_params(c_in, c_out, kernel_size, groups=1, bias=True):\n"
           "    print('debugging', file=sys.stderr)\n"
           "    k = kernel_size if isinstance(kernel_size, tuple) else (kernel_size, kernel_size)\n"
           "    return c_out * (c_in // groups) * k[0] * k[1] + (c_out if bias else 0)\n",
        1: "def conv2d_params(*args, **kwargs):\n    return {}['no such key']\n",
    }, "the lesson cells, a correct answer that writes to stderr, then an exception in the next exercise"),
    "fails-crash": ({0: "import os\n\ndef conv2d_params(*args, **kwargs):\n    os._exit(3)\n"}, "a process that dies"),
}


def failure_class(chapters: list[str]) -> Builder:
    """Every chapter and every failure kind, with as few kernels as that takes (plain nbgrader pays about
    8 s of imports per submission): the first chapter with its lesson cells (so skipping lesson cells is
    compared too), its first exercise solved but writing to stderr when a test calls it and its second
    raising an exception, the other exercises solved; a process that dies; an empty file and a file that
    is not a notebook; every other chapter's first known-wrong variant (cells that pass and cells that
    fail, hidden tests included)."""
    def build(course: Course) -> None:
        first = chapters[0]
        for chapter in chapters[1:]:
            released = course.generate(chapter)
            source = course.source_notebook(chapter)
            wrong = [v for v in variants_mod.load(course.root / "autograde", chapter) if v.kind == variants_mod.KNOWN_WRONG]
            if wrong:
                v = wrong[0]
                code = variant_code(v, source)
                course.submit(v.student_id, chapter, nbtools.make_submission(released, source, {v.replaces: code}, keep_demos=False))
        released = course.generate(first)
        source = course.source_notebook(first)
        exercises = nbtools.exercise_ids(source)
        for student, (codes, _) in FAILURE_CODE.items():
            replaced = {exercises[i]: code.replace("conv2d_params", exercises[i]) for i, code in codes.items()}
            course.submit(student, first, nbtools.make_submission(released, source, replaced,
                                                                  keep_demos=student.startswith("lessons")))
        folder = course.folder / "work" / "submitted"
        for student, text in (("fails-empty", ""), ("fails-not-a-notebook", "def f():\n    return 1\n")):
            path = nbtools.notebook_path(folder / student, first)
            path.parent.mkdir(parents=True)
            path.write_text(text)
    return build


TIMEOUT_CODE = "import time\n\ndef conv2d_params(*args, **kwargs):\n    while True:\n        time.sleep(0.05)\n"


def timeout_class(chapter: str) -> Builder:
    """A cell that never ends, graded with a short per-cell limit. It waits rather than spins, so the two
    graders can wait side by side without taking CPU from the rest of the suite; a student who spins, and
    the rest of a class graded after them, is in the attack suite (``tests/test_attacks.py``)."""
    def build(course: Course) -> None:
        released = course.generate(chapter)
        source = course.source_notebook(chapter)
        exercise = nbtools.exercise_ids(source)[0]
        code = TIMEOUT_CODE.replace("conv2d_params", exercise)
        course.submit("fails-timeout", chapter, nbtools.make_submission(released, source, {exercise: code}, keep_demos=False))
    return build


def synthetic_class(chapter: str, minimum: int = 24) -> Builder:
    """Correct, partial, wrong and broken students of one chapter (at least ``minimum``)."""
    def build(course: Course) -> None:
        submit_class(course, chapter, alone=True)  # solution, stub, each known-wrong and valid alternative
        released = nbtools.read(course.released_path(chapter))
        source = course.source_notebook(chapter)
        exercises = nbtools.exercise_ids(source)
        count = len(list((course.folder / "work" / "submitted").glob(f"*/{chapter}")))
        i = 0
        while count < minimum or i < 2:
            solved = {e: nbtools.solved_source(nbtools.cell_by_id(source, e)) for e in exercises[i % len(exercises):][:2]}
            course.submit(f"partial-{i}", chapter, nbtools.make_submission(released, source, solved, solve=False))
            count, i = count + 1, i + 1
        broken = nbtools.make_submission(released, source, {exercises[-1]: "def broken(:\n    pass\n"})
        course.submit("broken-syntax", chapter, broken)
    return build


# -- entry points ---------------------------------------------------------------------------------------
def _report(title: str, result: Comparison, log: Callable[[str], None], throughput: bool = True) -> None:
    log(f"{title}: {result.submissions} submissions, {result.cells} graded cells compared")
    for engine, seconds in result.seconds.items():
        log(f"  {engine:9s} {seconds:8.1f} s" + (f"  ({result.submissions / seconds:.2f} submissions/s)" if throughput else ""))
    if result.seconds.get("engine") and throughput:
        log(f"  engine / nbgrader throughput: {result.seconds['nbgrader'] / result.seconds['engine']:.1f}x")
    for chapter, failed in result.failed.items():
        if failed:
            log(f"  not graded by the engine ({chapter}): {', '.join(failed)}")
    log("  every per-cell grade matched" if result.equal else f"  {len(result.mismatches)} MISMATCH(ES):")
    for line in result.mismatches:
        log(f"    {line}")
    for line in result.problems:
        log(f"  PROOF   {line}")


def check_engine(chapters: list[str] | None = None, log: Callable[[str], None] = print,
                 parallel: int | None = None) -> Comparison:
    """Every chapter's proof class, each variant as its own student, graded both ways and compared cell by
    cell; the engine's grades are also checked against the proof's expectations (``make test`` proves the
    variants packed, see ``cnngrade.authoring.prove``: this is the proof with every variant alone). Chapters are
    compared in ``parallel`` separate courses at once (default: the number of cores; plain nbgrader grades
    one notebook at a time, so this is what keeps the full comparison near half an hour on two cores), each
    engine run with one worker."""
    from concurrent.futures import ThreadPoolExecutor

    chapters = chapters or all_chapters()
    parallel = max(1, min(parallel or os.cpu_count() or 1, len(chapters)))
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="check-engine-") as tmp:
        def one(chapter: str) -> Comparison:
            part = compare(proof_classes([chapter]), [chapter], Path(tmp) / chapter, workers=1)
            part.problems = [f"{chapter}: {p}" for p in check_class(Course(Path(tmp) / chapter / "engine"), chapter,
                                                                     "engine", alone=True)]
            log(f"  {chapter}: {part.submissions} submissions, {part.cells} cells, "
                f"{'equal' if part.equal else f'{len(part.mismatches)} mismatch(es)'}, "
                f"{len(part.problems)} broken proof expectation(s) "
                f"(nbgrader {part.seconds['nbgrader']:.0f} s, engine {part.seconds['engine']:.0f} s)")
            return part

        with ThreadPoolExecutor(parallel) as pool:
            parts = list(pool.map(one, chapters))
    result = Comparison()
    for part in parts:
        result.submissions += part.submissions
        result.cells += part.cells
        result.mismatches += part.mismatches
        result.problems += part.problems
        result.failed.update(part.failed)
        result.graded.update(part.graded)
        for engine, seconds in part.seconds.items():
            result.seconds[engine] = result.seconds.get(engine, 0.0) + seconds
    _report(f"check-engine (the proofs' classes of {len(chapters)} chapters, {parallel} at a time)", result, log,
            throughput=False)
    log(f"  wall time {time.perf_counter() - started:.0f} s on {os.cpu_count()} cores ({_cpu_name()}); the times "
        f"above are summed over chapters graded side by side, not a throughput (see make bench-grading)")
    return result


def bench_grading(chapter: str, log: Callable[[str], None] = print) -> Comparison:
    with tempfile.TemporaryDirectory(prefix="bench-grading-") as tmp:
        result = compare(synthetic_class(chapter), [chapter], Path(tmp))
    cpu = os.cpu_count()
    _report(f"bench-grading {chapter} on {cpu} cores ({_cpu_name()})", result, log)
    return result


def _cpu_name() -> str:
    try:
        with open("/proc/cpuinfo") as fh:
            return next(line.split(":", 1)[1].strip() for line in fh if line.startswith("model name"))
    except (OSError, StopIteration):
        return "unknown CPU"
