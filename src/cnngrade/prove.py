"""Prove a chapter's graded tests through real ``nbgrader autograde``.

One throw-away course per chapter holds these "students", graded in a single autograde run:

* ``solution``: the released notebook with every solution filled in, demo cells included.
  Every test cell must score full marks, and none may write to stderr or display a value.
* ``stub``: the released notebook as a student receives it. Every test cell must score zero.
* one student per known-wrong variant: the test cells named in its ``loses`` line score zero, the
  others keep full marks.
* one student per valid alternative: full marks on every test cell.

They are graded by the course's engine (``cnngrade.engine``; ``engine="nbgrader"`` for plain nbgrader),
which must grade every one of them, sandboxed, without raising a single integrity flag.

Variants are graded without the lesson's demo cells (``make_submission(keep_demos=False)``), which is
faster and proves that the exercises depend only on the cells tagged ``setup``.
"""
from __future__ import annotations

import ast
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from . import notebook as nbtools
from . import variants as variants_mod
from .course import Course, repo_root

SOLUTION = "solution"
STUB = "stub"


@dataclass(frozen=True)
class Expectation:
    student: str
    cell: str
    expected: str  # "full" or "zero"
    why: str


@dataclass(frozen=True)
class Problem:
    student: str
    cell: str
    message: str

    def __str__(self) -> str:
        return f"[{self.student}] {self.cell}: {self.message}"


_RANDOM_DRAW = re.compile(r"^(randn|rand|randint|randperm|normal|uniform|random|randn_like|rand_like|"
                          r"standard_normal|integers|choice|permutation|shuffle|bernoulli|multinomial)$")
_SEED = re.compile(r"(manual_seed|seed_everything|set_random_seed|^seed$|default_rng|Generator)")


def unseeded_random_draw(code: str) -> str:
    """The first random draw of a test cell that comes before any seeding call, or ''.

    The grading engine may skip unchanged lesson cells, which changes the global random state that
    later cells see; a test cell that seeds before it draws sees the same numbers either way."""
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return ""
    calls = sorted((n for n in ast.walk(tree) if isinstance(n, ast.Call)), key=lambda n: (n.lineno, n.col_offset))
    for call in calls:
        name = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")
        if _SEED.search(name):
            return ""
        seeded_here = isinstance(call.func, ast.Attribute) and any(
            isinstance(n, ast.Call) and _SEED.search(getattr(n.func, "attr", "") or getattr(n.func, "id", ""))
            for n in ast.walk(call.func.value))  # np.random.default_rng(0).normal(...)
        if seeded_here:
            continue
        if _RANDOM_DRAW.match(name) and not any(kw.arg == "generator" for kw in call.keywords):
            return ast.unparse(call)[:60]
    return ""


def static_problems(chapter: str, root: Path | None = None) -> list[Problem]:
    """Checks that need no execution: cell metadata, test-cell style, variant headers, outputs."""
    root = root or repo_root()
    source = nbtools.read(root / "solutions" / chapter / f"{chapter}.ipynb")
    problems = []
    tests = nbtools.test_cells(source)
    solutions = {nbtools.grade_id(c) for c in source.cells if nbtools.is_solution_cell(c)}
    if not tests:
        problems.append(Problem("source", "-", "chapter has no graded test cells"))
    if nbtools.has_committed_outputs(source):
        problems.append(Problem("source", "-", "solution notebook has committed outputs"))
    for cell in source.cells:
        cid = nbtools.grade_id(cell)
        tags = cell.metadata.get("tags", [])
        if nbtools.nbgrader_meta(cell) and cell.cell_type == "code":
            if nbtools.SKIP_EXECUTION in tags:
                problems.append(Problem("source", cid, "graded code cell has the skip-execution tag: a grader "
                                        "with nbclient's default configuration would skip it"))
            missing = [t for t in nbtools.GRADED_CELL_TAGS if t not in tags]
            if missing:
                problems.append(Problem("source", cid, f"graded code cell lacks the tags {missing}"))
        if nbtools.is_test_cell(cell):
            if nbtools.ends_with_bare_expression(cell.source):
                problems.append(Problem("source", cid, "test cell ends with a displayed value"))
            if nbtools.imports_framework(cell.source):
                problems.append(Problem("source", cid, "test cell imports a framework (stderr risk)"))
            draw = unseeded_random_draw(cell.source)
            if draw:
                problems.append(Problem("source", cid, f"test cell draws random numbers before seeding: {draw}"))
            if "assert" not in cell.source and "check_" not in cell.source:
                problems.append(Problem("source", cid, "test cell has no assert or check_* call"))
        if nbtools.is_solution_cell(cell) and cell.cell_type == "code":
            if nbtools.SOLUTION_BEGIN not in cell.source:
                problems.append(Problem("source", cid, "solution cell has no BEGIN SOLUTION marker"))
    for v in variants_mod.load(root / "autograde", chapter):
        if v.replaces not in solutions:
            problems.append(Problem(v.student_id, v.replaces, "replaces no solution cell of the chapter"))
        else:
            solution = nbtools.solved_source(nbtools.cell_by_id(source, v.replaces))
            try:
                code = v.resolve(solution)
            except ValueError as err:
                problems.append(Problem(v.student_id, v.replaces, str(err)))
            else:
                if code.strip() == solution.strip():
                    problems.append(Problem(v.student_id, v.replaces, "identical to the solution"))
        for cell in v.loses:
            if cell not in tests:
                problems.append(Problem(v.student_id, cell, "'loses' names no test cell of the chapter"))
    return problems


def expectations(chapter: str, tests: dict[str, float], variants: list) -> list[Expectation]:
    out = []
    for cell in tests:
        out.append(Expectation(SOLUTION, cell, "full", "the solution scores full marks"))
        out.append(Expectation(STUB, cell, "zero", "the released stub scores zero"))
    for v in variants:
        for cell in tests:
            lost = cell in v.loses
            out.append(Expectation(v.student_id, cell, "zero" if lost else "full", v.why))
    return out


def submit_class(course: Course, chapter: str) -> None:
    """The proof's class of a chapter: solution, stub, one student per variant."""
    root = course.root
    released = course.generate(chapter)
    source = course.source_notebook(chapter)
    course.submit(SOLUTION, chapter, nbtools.make_submission(released, source))
    course.submit(STUB, chapter, released)
    for v in variants_mod.load(root / "autograde", chapter):
        code = v.resolve(nbtools.solved_source(nbtools.cell_by_id(source, v.replaces)))
        nb = nbtools.make_submission(released, source, {v.replaces: code}, keep_demos=False)
        course.submit(v.student_id, chapter, nb)


def check_class(course: Course, chapter: str, engine: str = "engine") -> list[Problem]:
    """Every broken expectation of a graded proof class."""
    problems = []
    source = course.source_notebook(chapter)
    tests = nbtools.test_cells(source)
    variants = variants_mod.load(course.root / "autograde", chapter)
    scores = course.scores(chapter)
    if engine == "engine":
        for student, outcome in course.engine_outcomes(chapter).items():
            if outcome["status"] == "failed":
                problems.append(Problem(student, "-", f"could not be graded: {outcome['reason']}"))
            for flag in outcome["flags"]:
                problems.append(Problem(student, flag.get("cell") or "-", f"flagged: {flag['detail']}"))
    for exp in expectations(chapter, tests, variants):
        got = scores.get(exp.student, {}).get(exp.cell)
        if got is None:
            problems.append(Problem(exp.student, exp.cell, "not graded"))
            continue
        ok = got.score == got.max_score if exp.expected == "full" else got.score == 0
        if not ok:
            problems.append(
                Problem(exp.student, exp.cell, f"expected {exp.expected}, got {got.score:g}/{got.max_score:g} ({exp.why})")
            )

    for cell in (c for c in source.cells if nbtools.is_manual_cell(c)):
        got = scores.get(SOLUTION, {}).get(nbtools.grade_id(cell))
        if got is None or not got.needs_manual_grade:
            problems.append(Problem(SOLUTION, nbtools.grade_id(cell), "written answer is not flagged for manual grading"))

    graded = course.autograded_notebook(SOLUTION, chapter)
    for cell in graded.cells:
        if not nbtools.is_test_cell(cell):
            continue
        for output in cell.get("outputs", []):
            if output.output_type == "stream" and output.name == "stderr":
                problems.append(Problem(SOLUTION, nbtools.grade_id(cell), f"test cell wrote to stderr: {output.text[:200]!r}"))
            if output.output_type == "execute_result":
                problems.append(Problem(SOLUTION, nbtools.grade_id(cell), "test cell displays a value"))
    return problems


def prove_many(chapters: list[str], workdir: str | Path | None = None, root: Path | None = None,
               engine: str = "engine") -> dict[str, list[Problem]]:
    """Prove several chapters in one throw-away course, graded by one engine run (one warm pool)."""
    root = root or repo_root()
    results = {chapter: static_problems(chapter, root) for chapter in chapters}
    todo = [chapter for chapter in chapters if not results[chapter]]
    if not todo:
        return results
    with tempfile.TemporaryDirectory(prefix="prove-") as tmp:
        course = Course(Path(workdir) if workdir else Path(tmp), root)
        for chapter in todo:
            submit_class(course, chapter)
        course.autograde(todo, engine)
        for chapter in todo:
            results[chapter] = check_class(course, chapter, engine)
    return results


def prove(chapter: str, workdir: str | Path | None = None, root: Path | None = None, engine: str = "engine") -> list[Problem]:
    """Grade the chapter's solution, stub and variants; return every broken expectation."""
    return prove_many([chapter], workdir, root, engine)[chapter]
