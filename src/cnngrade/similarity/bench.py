"""``make bench-similarity``: a synthetic class per chapter with planted copies; this tool vs whole-file copydetect.

The class of a chapter (``build_class``), written as real submission folders:

* **honest students**: each exercise answered with the solution's form, the solution with a typical
  mistake (the proofs' known-wrong variants written as patches of the solution), or a variant written
  from scratch (``autograde/valid_alternatives`` and the other known-wrong files: each is one honest
  student's own code, used by one student only: students share the idea, not the code); every answer
  gets its student's own honest variation and surface style (names, comments, layout; see
  ``disguise``); a few exercises are left as the stub. Written answers are honest text generated from the
  chapter's own prose (a bigram chain over the lesson's words), so they share the lesson's vocabulary;
* **planted copies**: for each disguise, a student who copies one honest student's whole notebook and
  applies it (``merge``: the source split its functions, the copy did not); a cluster of five (one
  source, four copies with every disguise, different seeds); a student who copies one code exercise
  only, and, where the chapter has a written answer, one who copies only that (sentences reordered,
  words swapped). Copied written answers are disguised the same way in every planted copy.

Truth: a pair is planted when one copied from the other or both from the same source. The benchmark
prints, for this tool (at its report's thresholds) and for copydetect 0.5.0 on whole notebooks (every
code cell, as ``jupyter nbconvert --to script`` gives a general tool; also with the released notebook as
copydetect's boilerplate), the precision and recall of the flagged pairs, and each tool's time.
"""
from __future__ import annotations

import copy
import json
import random
import re
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from .. import notebook as nbtools
from ..authoring import variants as varmod
from ..course import chapters as all_chapters
from ..course import repo_root
from . import disguise as dg
from .collect import read_notebook
from .normalize import given_names
from .score import strength

OWN_SHARE = 0.3          # honest students who write an exercise their own way (a variant written from scratch)
SOLUTION_SHARE = 0.6     # of the others, those who write the solution's form (the rest: it with a typical mistake)
UNATTEMPTED = 0.05       # exercises left as the stub
HONEST_P = 0.5           # probability of each honest variation at each site
COPYDETECT_DISPLAY = 0.33  # copydetect's default display threshold (its report lists pairs above it)


@dataclass
class SyntheticClass:
    chapter: str
    folder: Path               # folder/<student>/<chapter>/<chapter>.ipynb
    released: Path
    students: list[str]
    planted: set[frozenset]    # pairs that share copied work
    kinds: dict[frozenset, str] = field(default_factory=dict)  # planted pair -> how it was copied


def _implementations(root: Path, chapter: str):
    source = nbtools.read(root / nbtools.notebook_path("solutions", chapter))
    released = nbtools.read(root / nbtools.notebook_path("chapters", chapter))
    shared: dict[str, list[str]] = {}  # the solution, and the solution with one typical mistake (patches)
    own: dict[str, list[str]] = {}     # code written from scratch: one student's own
    for gid in nbtools.exercise_ids(released):
        shared[gid] = [nbtools.solved_source(nbtools.cell_by_id(source, gid))]
        own[gid] = []
    for variant in varmod.load(root / "autograde", chapter):
        if variant.replaces in shared:
            code = variant.resolve(shared[variant.replaces][0])
            (shared if varmod.is_patch(variant.code) else own)[variant.replaces].append(code)
    return source, released, shared, own


def _lesson_words(source) -> list[str]:
    words = []
    for cell in source.cells:
        if cell.cell_type == "markdown" and not nbtools.nbgrader_meta(cell):
            words += re.findall(r"[A-Za-z][A-Za-z0-9'-]*|[.,]", cell.source)
    return words


def _honest_text(words: list[str], rng: random.Random, length: int) -> str:
    if len(words) < 10:
        return " ".join(rng.choice(["the", "output", "shape", "step"]) for _ in range(length))
    following: dict[str, list[str]] = {}
    for a, b in zip(words, words[1:]):
        following.setdefault(a.lower(), []).append(b)
    out = [rng.choice(words)]
    while len(out) < length:
        nxt = following.get(out[-1].lower())
        out.append(rng.choice(nxt) if nxt and rng.random() < 0.85 else rng.choice(words))
    text = " ".join(out).replace(" .", ".").replace(" ,", ",")
    return text[:1].upper() + text[1:] + "."


def _surface(code: str, given: set[str], rng: random.Random) -> str:
    """An honest student's own names, comments and layout."""
    code = dg.rename(code, given, rng)
    if rng.random() < 0.5:
        code = dg.recomment(code, rng)
    if rng.random() < 0.3:
        code = dg.reformat(code, rng)
    return code


class _ClassBuilder:
    """The students of one synthetic class, drawn one by one (``build_class``): honest ones, and copies of them
    planted with a known disguise. Every draw comes from a generator seeded by the class's seed and the
    student's (or the copy's) name, so a class is the same on every machine."""

    def __init__(self, root: Path, chapter: str, seed: int, rng: random.Random):
        self.chapter, self.seed = chapter, seed
        self.source, self.released, self.impls, own = _implementations(root, chapter)
        self.unused = {gid: rng.sample(codes, len(codes)) for gid, codes in own.items()}
        # the one-exercise copy's source: the longest code written from scratch for the longest exercise that
        # has such code, kept from everybody else (own code is one student's only)
        self.longest = max((g for g in own if own[g]), key=lambda g: len(self.impls[g][0]), default=None)
        self.reserved = max(own[self.longest], key=len) if self.longest else None
        if self.longest:
            self.unused[self.longest].remove(self.reserved)
        self.given = {gid: given_names(nbtools.cell_by_id(self.released, gid).source) for gid in self.impls}
        self.written = [c.metadata.nbgrader["grade_id"] for c in self.released.cells
                        if nbtools.is_solution_cell(c) and c.cell_type == "markdown"]
        self.words = _lesson_words(self.source)
        self.students: dict[str, dict[str, str]] = {}
        self.kinds: dict[frozenset, str] = {}  # planted pair -> how it was copied
        self.counter = iter(range(10_000))

    def rng(self, name: str) -> random.Random:
        return random.Random(f"{self.seed}-{self.chapter}-{name}")

    def next_id(self) -> str:
        return f"s{next(self.counter):04d}"

    def honest(self, student_rng: random.Random, force_own: str | None = None) -> dict[str, str]:
        answers = {}
        for gid, options in self.impls.items():
            if gid == force_own:  # the longest code of its own, kept for this student from the start
                code = self.reserved
            elif student_rng.random() < UNATTEMPTED:
                continue
            elif self.unused[gid] and student_rng.random() < OWN_SHARE:
                code = self.unused[gid].pop()
            elif len(options) == 1 or student_rng.random() < SOLUTION_SHARE:
                code = options[0]
            else:
                code = student_rng.choice(options[1:])
            code = dg.honest_variation(code, student_rng, HONEST_P)
            answers[gid] = _surface(code, self.given[gid], student_rng)
        for gid in self.written:
            answers[gid] = _honest_text(self.words, student_rng, student_rng.randint(60, 160))
        return answers

    def copied(self, answers: dict[str, str], kind: str, copy_rng: random.Random,
               only: list[str] | None = None) -> dict[str, str]:
        out = {}
        for gid, text in answers.items():
            if only is not None and gid not in only:
                continue
            if gid in self.written:
                out[gid] = dg.disguise_text(text, copy_rng)
            else:
                out[gid] = dg.disguise(text, kind, self.given[gid], copy_rng)
        return out

    def new_honest(self, force_own: str | None = None) -> str:
        sid = self.next_id()
        self.students[sid] = self.honest(self.rng(sid), force_own)
        return sid

    def plant(self, a: str, b: str, kind: str) -> None:
        self.kinds[frozenset((a, b))] = kind

    def plant_disguises(self) -> None:
        """One pair per disguise: an honest student and a copy of all their work, disguised that way."""
        for kind in dg.DISGUISES:
            src = self.new_honest()
            copy_rng = self.rng(kind)
            if kind == "merge":  # the source split its functions; the copier wrote them merged again
                original = self.students[src]
                self.students[src] = {g: (dg.split_functions(t) if g not in self.written else t) for g, t in original.items()}
                dst = self.next_id()
                self.students[dst] = self.copied(original, "all", copy_rng)
            else:
                dst = self.next_id()
                self.students[dst] = self.copied(self.students[src], kind, copy_rng)
            self.plant(src, dst, kind)

    def plant_cluster(self, size: int = 5) -> None:
        group = [self.new_honest()]
        for i in range(size - 1):
            dst = self.next_id()
            self.students[dst] = self.copied(self.students[group[0]], "all", self.rng(f"group{i}"))
            group.append(dst)
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                self.plant(a, b, "cluster of five")

    def plant_partial_copies(self) -> None:
        """One exercise copied: the longest that a source wrote their own way (a copy of the common form of an
        exercise, or of two lines, is what honest students write too: no tool can, or should, tell it from
        them); and, when the chapter has one, a written answer copied alone."""
        src = self.new_honest(force_own=self.longest)
        longest = self.longest
        if longest is None:
            longest = max((g for g in self.students[src] if g not in self.written), key=lambda g: len(self.students[src][g]))
        dst = self.new_honest()
        self.students[dst].update(self.copied(self.students[src], "all", self.rng("partial"), only=[longest]))
        self.plant(src, dst, f"one exercise ({longest})")
        if self.written:
            src, dst = self.new_honest(), self.new_honest()
            self.students[dst].update(self.copied(self.students[src], "all", self.rng("text"), only=self.written[:1]))
            self.plant(src, dst, f"written answer only ({self.written[0]})")

    def write(self, folder: Path, rng: random.Random) -> SyntheticClass:
        """The class as submission folders, under shuffled ids (planted students are not neighbours)."""
        ids = sorted(self.students)
        shuffled = ids[:]
        rng.shuffle(shuffled)
        rename = dict(zip(ids, [f"student{i:03d}" for i in range(len(ids))]))
        rename = {old: rename[new] for old, new in zip(ids, shuffled)}
        released_path = folder / "released" / nbtools.notebook_name(self.chapter)
        nbtools.write(self.released, released_path)
        stubs = {c.metadata.nbgrader["grade_id"]: c.source for c in self.released.cells if nbtools.is_solution_cell(c)}
        for sid, answers in self.students.items():
            nb = copy.deepcopy(self.released)
            for cell in nb.cells:
                gid = nbtools.grade_id(cell)
                if nbtools.is_solution_cell(cell) and gid in answers:
                    cell.source = answers[gid]
                elif nbtools.is_solution_cell(cell):
                    cell.source = stubs[gid]
            path = folder / "submitted" / nbtools.notebook_path(rename[sid], self.chapter)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(nb))
        kinds = {frozenset(rename[x] for x in pair): k for pair, k in self.kinds.items()}
        return SyntheticClass(self.chapter, folder / "submitted", released_path, sorted(rename.values()),
                              set(kinds), kinds)


def build_class(chapter: str, n_students: int, folder: Path, seed: int = 0, root: Path | None = None) -> SyntheticClass:
    """A class of ``n_students`` for ``chapter`` in ``folder``: planted copies (every disguise, a cluster, one
    exercise, one written answer), the rest honest students."""
    rng = random.Random(f"{seed}-{chapter}")
    builder = _ClassBuilder(root or repo_root(), chapter, seed, rng)
    builder.plant_disguises()
    builder.plant_cluster()
    builder.plant_partial_copies()
    while len(builder.students) < n_students:
        builder.new_honest()
    return builder.write(folder, rng)


# -- the whole-file baseline ----------------------------------------------------------------------------
def _script(path: Path) -> str:
    """A notebook's code cells, one after the other (what ``nbconvert --to script`` gives, minus markdown)."""
    return "\n\n".join("".join(c["source"]) if isinstance(c["source"], list) else c["source"]
                       for c in read_notebook(path) if c.get("cell_type") == "code") + "\n"


def copydetect_scores(cls: SyntheticClass, boilerplate: bool, workdir: Path) -> tuple[dict[frozenset, float], float]:
    """copydetect 0.5.0 on whole notebooks: {pair: max of its two similarities}, seconds."""
    from copydetect import CopyDetector

    scripts = workdir / ("scripts-bp" if boilerplate else "scripts")
    scripts.mkdir(parents=True, exist_ok=True)
    for student in cls.students:
        (scripts / f"{student}.py").write_text(_script(nbtools.notebook_path(cls.folder / student, cls.chapter)))
    bp_dir = workdir / "boilerplate"
    bp_dir.mkdir(exist_ok=True)
    (bp_dir / "released.py").write_text(_script(cls.released))
    start = time.perf_counter()
    detector = CopyDetector(test_dirs=[str(scripts)], ref_dirs=[str(scripts)], extensions=["py"],
                            boilerplate_dirs=[str(bp_dir)] if boilerplate else [], display_t=COPYDETECT_DISPLAY,
                            silent=True, autoopen=False)
    detector.run()
    took = time.perf_counter() - start
    names = [Path(f).stem for f in detector.test_files]
    refs = [Path(f).stem for f in detector.ref_files]
    result: dict[frozenset, float] = {}
    matrix = detector.similarity_matrix
    for i, a in enumerate(names):
        for j, b in enumerate(refs):
            if a < b:
                result[frozenset((a, b))] = max(float(matrix[i, j, 0]), float(matrix[i, j, 1]))
    return result, took


def _cpu_seconds() -> float:
    import resource

    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


@dataclass
class Quality:
    flagged: int
    true_positives: int
    planted: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.flagged if self.flagged else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.planted if self.planted else 1.0

    def line(self) -> str:
        return (f"precision {self.precision:.3f} recall {self.recall:.3f} "
                f"({self.true_positives} of {self.planted} planted pairs found, {self.flagged} pairs flagged)")


def quality(flagged: set[frozenset], planted: set[frozenset]) -> Quality:
    return Quality(len(flagged), len(flagged & planted), len(planted))


def best_threshold(scores: dict[frozenset, float], planted: set[frozenset]) -> tuple[float, Quality]:
    """The threshold that gives the baseline its best F1 (an oracle: no real report can choose it)."""
    best = (0.0, quality(set(), planted), -1.0)
    for t in sorted(set(scores.values())):
        flagged = {p for p, s in scores.items() if s >= t}
        q = quality(flagged, planted)
        f1 = 2 * q.precision * q.recall / (q.precision + q.recall) if q.precision + q.recall else 0
        if f1 > best[2]:
            best = (t, q, f1)
    return best[0], best[1]


@dataclass
class ChapterResult:
    chapter: str
    students: int
    ours: Quality
    ours_seconds: float
    ours_cpu_seconds: float      # this process and its workers: what the time would be on an idle core
    margin: tuple[float, float]  # weakest planted pair, strongest honest pair (score.strength: flagged when >= 1)
    missed: list[str]
    honest_flagged: list[str]
    baselines: dict[str, tuple[Quality, float, float, Quality]]  # name -> (at display t, seconds, best t, at best t)


def bench_chapter(chapter: str, n_students: int, workdir: Path, seed: int = 0, baseline: bool = True) -> ChapterResult:
    from . import run

    cls = build_class(chapter, n_students, workdir / chapter, seed)
    start, cpu_start = time.perf_counter(), _cpu_seconds()
    analysis, _ = run(cls.folder, chapter, cls.released, workdir / chapter / "report")
    took, cpu = time.perf_counter() - start, _cpu_seconds() - cpu_start
    flagged = {frozenset((p.a, p.b)) for p in analysis.flagged}
    ours = quality(flagged, cls.planted)
    by_pair = {frozenset((p.a, p.b)): p for p in analysis.pairs}
    missed = [f"{' & '.join(sorted(p))} ({cls.kinds[p]})" for p in sorted(cls.planted - flagged, key=sorted)]
    honest_flagged = [f"{p.a} & {p.b}: {'; '.join(p.reasons)}" for p in analysis.flagged if frozenset((p.a, p.b)) not in cls.planted]
    planted_strength = [strength(by_pair[p]) if p in by_pair else 0.0 for p in cls.planted]
    honest_strength = [strength(p) for p in analysis.pairs if frozenset((p.a, p.b)) not in cls.planted]
    margin = (min(planted_strength, default=0.0), max(honest_strength, default=0.0))
    baselines = {}
    if baseline:
        for name, bp in (("copydetect, whole notebook", False), ("copydetect, released notebook as boilerplate", True)):
            scores, seconds = copydetect_scores(cls, bp, workdir / chapter)
            at_display = quality({p for p, s in scores.items() if s >= COPYDETECT_DISPLAY}, cls.planted)
            t, at_best = best_threshold(scores, cls.planted)
            baselines[name] = (at_display, seconds, t, at_best)
    return ChapterResult(chapter, len(cls.students), ours, took, cpu, margin, missed, honest_flagged, baselines)


def _print_margin(result: ChapterResult, indent: str) -> None:
    print(f"{indent}weakest planted pair {result.margin[0]:.2f}, strongest honest pair {result.margin[1]:.2f} "
          f"(distance to the flag rule: flagged when at least 1)")
    for line in result.missed:
        print(f"    MISSED  {line}")
    for line in result.honest_flagged:
        print(f"    HONEST PAIR FLAGGED  {line}")


def _load() -> str:
    import os

    try:
        return f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}"
    except OSError:
        return f"{os.cpu_count()} cores"


def main(chapters: list[str] | None = None, n_students: int = 60, timing_students: int = 300, seed: int = 0,
         baseline: bool = True, workdir: str | None = None) -> list[ChapterResult]:
    """Per chapter: both tools on a class of ``n_students`` (copydetect compares every pair of whole files:
    minutes for 300), then this tool alone on a class of ``timing_students`` (its precision, recall, time)."""
    chapters = chapters or all_chapters()
    results = []
    with tempfile.TemporaryDirectory(prefix="cnngrade-sim-") as tmp:
        base = Path(workdir) if workdir else Path(tmp)
        for chapter in chapters:
            if timing_students:
                big = bench_chapter(chapter, timing_students, base / "timing", seed, baseline=False)
                results.append(big)
                print(f"{chapter}: {big.students} submissions, this tool alone: {big.ours.line()}; "
                      f"{big.ours_seconds:.1f} s wall, {big.ours_cpu_seconds:.1f} s CPU (read, normalise, index, score, "
                      f"write the report; {_load()})")
                _print_margin(big, "  ")
            if not n_students:
                continue
            result = bench_chapter(chapter, n_students, base, seed, baseline)
            results.append(result)
            print(f"{chapter}: {result.students} submissions, {len(result.missed) + result.ours.true_positives} planted pairs")
            print(f"  this tool:  {result.ours.line()}; {result.ours_seconds:.1f} s wall, {result.ours_cpu_seconds:.1f} s CPU")
            _print_margin(result, " " * 14)
            for name, (at_display, seconds, t, at_best) in result.baselines.items():
                print(f"  {name}: at its display threshold {COPYDETECT_DISPLAY}: {at_display.line()}; {seconds:.1f} s")
                print(f"  {' ' * len(name)}  at its best threshold {t:.2f} (chosen knowing the answers): {at_best.line()}")
    return results
