"""Prove a chapter's graded tests through real ``nbgrader autograde``.

One throw-away course per chapter holds these "students", graded in a single autograde run:

* ``solution``: the released notebook with every solution filled in, demo cells included.
  Every test cell must score full marks, and none may write to stderr or display a value.
* ``stub``: the released notebook as a student receives it. Every test cell must score zero.
* the known-wrong variants: the test cells named in a variant's ``loses`` line score zero, the
  others keep full marks.
* the valid alternatives: full marks on every test cell.

Variants of different exercises are *packed* into one notebook (``pack``) when that provably changes no
test's outcome: every variant is ``analysis.effects.self_contained`` (no global state changed, nothing another cell
made mutated, inside its functions too), so is every test cell that depends on it (a test cell that
patches a library could leave the patch in place when a variant makes it fail half-way), and no test
cell depends on two of the notebook's variants, where
a test depends on the exercise cells whose names it reads, directly or through other cells (statically,
every earlier cell binding a name counts; a test that looks names up dynamically depends on every
exercise; a test a variant ``loses`` depends on that variant's exercise). Each test then runs on
exactly what it would run on with its own variant alone, so a pack's expected grades are the union of its
variants' expectations, and a broken one names the variant responsible. Packing grades the variants in
40 % as many notebooks (``make test``); ``alone=True`` (``prove --alone``, and ``make
check-engine``, which also checks these expectations) grades every variant as its own student.

They are graded by the course's engine (``cnngrade.engine``; ``engine="nbgrader"`` for plain nbgrader),
which must grade every one of them, sandboxed, without raising a single integrity flag.

Variants are graded without the lesson's demo cells (``make_submission(keep_demos=False)``), which is
faster and proves that the exercises depend only on the cells tagged ``setup``.
"""
from __future__ import annotations

import ast
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..analysis import names
from ..analysis.effects import self_contained
from ..analysis.testcells import ends_with_bare_expression, imports_framework, unseeded_random_draw
from .. import notebook as nbtools
from . import variants as variants_mod
from ..course import Course, repo_root

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


def static_problems(chapter: str, root: Path | None = None) -> list[Problem]:
    """Checks that need no execution: cell metadata, test-cell style, variant headers, outputs."""
    root = root or repo_root()
    source = nbtools.read(nbtools.notebook_path(root / "solutions", chapter))
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
            if ends_with_bare_expression(cell.source):
                problems.append(Problem("source", cid, "test cell ends with a displayed value"))
            if imports_framework(cell.source):
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
                code = variant_code(v, source)
            except ValueError as err:
                problems.append(Problem(v.student_id, v.replaces, str(err)))
            else:
                if code.strip() == solution.strip():
                    problems.append(Problem(v.student_id, v.replaces, "identical to the solution"))
        for cell in v.loses:
            if cell not in tests:
                problems.append(Problem(v.student_id, cell, "'loses' names no test cell of the chapter"))
    return problems


# -- who is in a proof class ---------------------------------------------------------------------
_DYNAMIC_LOOKUP = {"globals", "locals", "vars", "eval", "exec", "get_ipython", "In", "Out", "_ih", "_oh", "__import__"}


@lru_cache(maxsize=4096)
def _looks_up_names_dynamically(code: str) -> bool:
    """Calls ``globals()``, ``eval(...)`` and the like, or reads IPython's ``In``/``Out`` (or cannot be parsed)."""
    tree = names.parse_cell(code)
    return tree is None or any(isinstance(n, ast.Name) and n.id in _DYNAMIC_LOOKUP for n in ast.walk(tree))


def exercise_dependencies(nb) -> dict[str, set[str]]:
    """Per test cell of a notebook, the exercise (solution) cells it depends on: those binding a name it
    reads, or a name read by a cell it depends on (every earlier binder of a name counts, since a binder
    may fail). A test cell that looks names up dynamically (``globals()``, ``eval``, ``In[...]``) depends on
    every exercise."""
    cells = tuple((c.source, nbtools.grade_id(c), nbtools.is_solution_cell(c), nbtools.is_test_cell(c))
                  for c in nb.cells if c.cell_type == "code")
    return {test: set(found) for test, found in _dependencies(cells).items()}


@lru_cache(maxsize=1024)
def _dependencies(cells: tuple) -> dict[str, frozenset[str]]:
    """``exercise_dependencies`` of code cells given as (source, grade id, is solution, is test); cached,
    since packing asks again for the same notebook with one variant more or less."""
    exercises = {i: grade for i, (_, grade, solution, _) in enumerate(cells) if solution}
    closure: list[set[int]] = []
    result: dict[str, frozenset[str]] = {}
    for i, (code, grade, _, test) in enumerate(cells):
        reads = names.free_reads(code)
        deps: set[int] = set()
        for j in range(i):
            if names.bound_names(cells[j][0]) & reads:
                deps |= {j} | closure[j]
        closure.append(deps)
        if test:
            found = set(exercises.values()) if _looks_up_names_dynamically(code) else {exercises[j] for j in deps if j in exercises}
            result[grade] = frozenset(found)
    return result


def variant_code(variant, source) -> str:
    """The code a variant puts in its exercise cell (a patch applied to the chapter's solution)."""
    return variant.resolve(nbtools.solved_source(nbtools.cell_by_id(source, variant.replaces)))


def _submission(released, source, members) -> object:
    return nbtools.make_submission(released, source, {v.replaces: variant_code(v, source) for v in members}, keep_demos=False)


def _pack_dependencies(solved, source, members) -> dict[str, set[str]]:
    """``exercise_dependencies`` of the solved notebook with ``members`` in place, plus each variant's
    ``loses`` cells (they depend on its exercise whatever the static reading says)."""
    codes = {v.replaces: variant_code(v, source) for v in members}
    cells = []
    for cell in solved.cells:
        if cell.cell_type == "code" and nbtools.grade_id(cell) in codes:
            cell = nbtools.NotebookNode({**cell, "source": codes[nbtools.grade_id(cell)]})
        cells.append(cell)
    deps = exercise_dependencies(nbtools.NotebookNode({"cells": cells}))
    for v in members:
        for cell in v.loses:
            deps.setdefault(cell, set()).add(v.replaces)
    return deps


def pack(released, source, variants: list) -> list[tuple]:
    """The variants in as few notebooks as provably safe (see the module docstring): greedily, each
    variant joins the first notebook that has no variant of the same exercise and keeps every test
    cell depending on at most one of its variants; a variant that is not ``self_contained``, or that a test
    cell which is not ``self_contained`` depends on, goes alone."""
    solved = nbtools.make_submission(released, source, keep_demos=False)
    # A test cell that changes global state could leave it changed when a variant makes it fail half-way,
    # and so reach later tests: the variants such a cell depends on go alone.
    unsafe_tests = {nbtools.grade_id(c) for c in solved.cells if nbtools.is_test_cell(c) and not self_contained(c.source)}

    def goes_alone(v) -> bool:
        deps = _pack_dependencies(solved, source, [v])
        return not self_contained(variant_code(v, source)) or any(v.replaces in deps.get(t, set()) for t in unsafe_tests)

    alone = [v for v in variants if goes_alone(v)]
    # A test depends on a member's exercise if it does in the pack OR with that member alone: a pack-mate
    # can cut a member's path to a test (a U-Net variant that crops by itself never calls the crop variant
    # it shares a notebook with), and the member's claim about that test would then never be checked.
    by_itself = {id(v): _pack_dependencies(solved, source, [v]) for v in variants if v not in alone}

    def seen_together(members) -> bool:
        replaced = {w.replaces for w in members}
        deps = _pack_dependencies(solved, source, members)
        for w in members:
            for test, exercises in by_itself[id(w)].items():
                deps.setdefault(test, set()).update(exercises)
        return any(len(d & replaced) > 1 for d in deps.values())

    packs: list[list] = []
    for v in variants:
        for members in ([] if v in alone else packs):
            if members[0] in alone or v.replaces in {w.replaces for w in members}:
                continue
            if not seen_together(members + [v]):
                members.append(v)
                break
        else:
            packs.append([v])
    return [tuple(members) for members in packs]


def proof_students(released, source, variants: list, alone: bool = False) -> list[tuple[str, tuple]]:
    """``[(student id, variants in the notebook)]``: solution, stub, then one student per variant
    (``alone``) or per pack (its id is the variant's when a pack holds one)."""
    groups = [(v,) for v in variants] if alone else pack(released, source, variants)
    students = [(SOLUTION, ()), (STUB, ())]
    for i, members in enumerate(groups, 1):
        students.append((members[0].student_id if len(members) == 1 else f"pack-{i:02d}", members))
    return students


def expectations(chapter: str, tests: dict[str, float], students: list[tuple[str, tuple]], released=None,
                 source=None) -> list[Expectation]:
    out = []
    solved = nbtools.make_submission(released, source, keep_demos=False) if released is not None else None
    for student, members in students:
        if student in (SOLUTION, STUB):
            for cell in tests:
                out.append(Expectation(student, cell, "full" if student == SOLUTION else "zero",
                                       "the solution scores full marks" if student == SOLUTION else "the released stub scores zero"))
            continue
        deps = _pack_dependencies(solved, source, list(members)) if len(members) > 1 else {}
        for cell in tests:
            lost = [v for v in members if cell in v.loses]
            responsible = lost or [v for v in members if len(members) == 1 or v.replaces in deps.get(cell, set())]
            why = "; ".join(f"{v.student_id}: {v.why}" for v in responsible) or "no variant of this notebook reaches this cell"
            out.append(Expectation(student, cell, "zero" if lost else "full", why))
    return out


def submit_class(course: Course, chapter: str, alone: bool = False) -> list[tuple[str, tuple]]:
    """The proof's class of a chapter (``proof_students``), submitted to ``course``; returns the students."""
    released = course.generate(chapter)
    source = course.source_notebook(chapter)
    students = proof_students(released, source, variants_mod.load(course.root / "autograde", chapter), alone)
    for student, members in students:
        if student == SOLUTION:
            course.submit(SOLUTION, chapter, nbtools.make_submission(released, source))
        elif student == STUB:
            course.submit(STUB, chapter, released)
        else:
            course.submit(student, chapter, _submission(released, source, members))
    return students


def check_class(course: Course, chapter: str, engine: str = "engine", alone: bool = False) -> list[Problem]:
    """Every broken expectation of a graded proof class (``alone`` as it was submitted)."""
    problems = []
    source = course.source_notebook(chapter)
    released = nbtools.read(course.released_path(chapter))
    tests = nbtools.test_cells(source)
    students = proof_students(released, source, variants_mod.load(course.root / "autograde", chapter), alone)
    label = {s: s if len(m) < 2 else f"{s} = {' + '.join(v.student_id for v in m)}" for s, m in students}
    scores = course.scores(chapter)
    if engine == "engine":
        for student, outcome in course.engine_outcomes(chapter).items():
            if outcome["status"] == "failed":
                problems.append(Problem(label.get(student, student), "-", f"could not be graded: {outcome['reason']}"))
            for flag in outcome["flags"]:
                problems.append(Problem(label.get(student, student), flag.get("cell") or "-", f"flagged: {flag['detail']}"))
    for exp in expectations(chapter, tests, students, released, source):
        got = scores.get(exp.student, {}).get(exp.cell)
        if got is None:
            problems.append(Problem(label[exp.student], exp.cell, "not graded"))
            continue
        ok = got.score == got.max_score if exp.expected == "full" else got.score == 0
        if not ok:
            problems.append(Problem(label[exp.student], exp.cell,
                                    f"expected {exp.expected}, got {got.score:g}/{got.max_score:g} ({exp.why})"))

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
               engine: str = "engine", alone: bool = False) -> dict[str, list[Problem]]:
    """Prove several chapters in one throw-away course, graded by one engine run (one warm pool);
    ``alone``: every variant as its own student instead of packed (see the module docstring)."""
    root = root or repo_root()
    results = {chapter: static_problems(chapter, root) for chapter in chapters}
    todo = [chapter for chapter in chapters if not results[chapter]]
    if not todo:
        return results
    with tempfile.TemporaryDirectory(prefix="prove-") as tmp:
        course = Course(Path(workdir) if workdir else Path(tmp), root)
        for chapter in todo:
            submit_class(course, chapter, alone)
        course.autograde(todo, engine)
        for chapter in todo:
            results[chapter] = check_class(course, chapter, engine, alone)
    return results


def prove(chapter: str, workdir: str | Path | None = None, root: Path | None = None, engine: str = "engine",
          alone: bool = False) -> list[Problem]:
    """Grade the chapter's solution, stub and variants; return every broken expectation."""
    return prove_many([chapter], workdir, root, engine, alone)[chapter]
