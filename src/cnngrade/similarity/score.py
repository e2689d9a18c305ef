"""Scoring pairs of students by the rare code they share, per exercise and per notebook.

Weights. A fingerprint that ``df`` of the class's ``N`` students wrote in an exercise weighs

    w(df) = max(0, ln(N / (2 df))) / ln(N / 4)

so a fingerprint that only the two students of a pair wrote weighs 1, one that a tenth of the class wrote
about a third as much, and one that half the class or more wrote weighs 0: a short exercise with few
correct forms gives honest students the same code, and that code is evidence of nothing. (``N`` is
at least 8, so a tiny class does not make everything rare.)

Scores. For students a and b and an exercise: ``shared`` is the weight of the fingerprints both have,
``own(a)`` the weight of all of a's; the exercise's **containment** is ``shared / min(own(a), own(b))``
(how much of the shorter answer's distinctive code the other also has). The **notebook score** pools
the code exercises both answered: ``sum(shared) / sum(min(own(a), own(b)))``; the **evidence** is that
``sum(shared)``, in units of "fingerprints only these two wrote". Written answers are scored on their
own: prose has many more distinctive fingerprints than code, and pooled with it would decide the
notebook score alone.

Flags. A pair is flagged when its notebook score is at least ``NOTEBOOK_SCORE`` with at least
``NOTEBOOK_EVIDENCE`` evidence, or when one code exercise alone has containment at least
``EXERCISE_CONTAINMENT`` and ``EXERCISE_EVIDENCE`` evidence (a copy of one exercise in an otherwise
honest notebook), or one written answer containment at least ``TEXT_CONTAINMENT`` with
``TEXT_EVIDENCE`` evidence (honest answers to one question share almost no run of four content words;
a copied one keeps many even when reworded). Clusters are the connected components of the flagged
pairs. The thresholds were set on the benchmark's classes (``bench``), between the strongest honest
and the weakest planted pair of every chapter; ``strength`` says how far a pair is past them.

Index. Per exercise, the students' fingerprints form a sparse students x fingerprints matrix (an
inverted index: each column lists the students that have one fingerprint); the shared weights of all
pairs are one sparse product ``M W M^T``, which only touches pairs that share a weighted fingerprint,
so a class of hundreds costs milliseconds, not an all-pairs loop over files.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from .collect import ClassSet

NOTEBOOK_SCORE = 0.95
NOTEBOOK_EVIDENCE = 8.0
EXERCISE_CONTAINMENT = 0.8
EXERCISE_EVIDENCE = 20.0
TEXT_CONTAINMENT = 0.3
TEXT_EVIDENCE = 5.0
MIN_CLASS = 8


def weight(df: int, n: int) -> float:
    n = max(n, MIN_CLASS)
    return max(0.0, math.log(n / (2 * df))) / math.log(n / 4)


@dataclass
class ExerciseMatch:
    containment: float
    shared: float
    written: bool = False  # a written answer (markdown), not code


@dataclass
class PairScore:
    a: str
    b: str
    score: float
    evidence: float
    exercises: dict[str, ExerciseMatch]
    flagged: bool = False
    reasons: list[str] = field(default_factory=list)
    cluster: int | None = None


@dataclass
class Analysis:
    chapter: str
    students: list[str]
    exercises: list[str]
    pairs: list[PairScore]                       # the pairs worth listing (PAIR_FLOOR, EXERCISE_FLOOR), flagged first
    weights: dict[str, dict[int, float]]          # exercise -> fingerprint -> weight
    own: dict[str, dict[str, float]]              # student -> exercise -> weight of their fingerprints
    clusters: list[list[str]]
    classes: ClassSet
    matrix: np.ndarray = field(repr=False, default_factory=lambda: np.zeros((0, 0)))

    @property
    def flagged(self) -> list[PairScore]:
        return [p for p in self.pairs if p.flagged]


def strength(pair: PairScore) -> float:
    """How far the pair is past the flag rule: at least 1 exactly when it is flagged (the benchmark's margin)."""
    notebook = min(pair.score / NOTEBOOK_SCORE, pair.evidence / NOTEBOOK_EVIDENCE)
    exercise = max((min(m.containment / TEXT_CONTAINMENT, m.shared / TEXT_EVIDENCE) if m.written else
                    min(m.containment / EXERCISE_CONTAINMENT, m.shared / EXERCISE_EVIDENCE) for m in pair.exercises.values()),
                   default=0.0)
    return max(notebook, exercise)


def _flag(pair: PairScore) -> None:
    if pair.score >= NOTEBOOK_SCORE and pair.evidence >= NOTEBOOK_EVIDENCE:
        pair.reasons.append(f"notebook score {pair.score:.2f}, evidence {pair.evidence:.1f}")
    for name, match in pair.exercises.items():
        if match.written and match.containment >= TEXT_CONTAINMENT and match.shared >= TEXT_EVIDENCE:
            pair.reasons.append(f"{name} (written answer): containment {match.containment:.2f}, evidence {match.shared:.1f}")
        elif not match.written and match.containment >= EXERCISE_CONTAINMENT and match.shared >= EXERCISE_EVIDENCE:
            pair.reasons.append(f"{name}: containment {match.containment:.2f}, evidence {match.shared:.1f}")
    pair.flagged = bool(pair.reasons)


PAIR_FLOOR = 0.1  # pairs below this notebook score, with no exercise above EXERCISE_FLOOR, are not listed
EXERCISE_FLOOR = 0.5


def analyse(classes: ClassSet) -> Analysis:
    from scipy import sparse

    students = [s.student for s in classes.submissions]
    index = {s: i for i, s in enumerate(students)}
    n = len(students)
    names = [e.grade_id for e in classes.exercises]
    own = np.zeros((n, len(names)))
    shared = np.zeros((len(names), n, n))
    weights: dict[str, dict[int, float]] = {}
    for e, name in enumerate(names):
        rows = [(index[s.student], s.answers[name].fingerprints.hashes) for s in classes.submissions if name in s.answers]
        df = Counter(h for _, hashes in rows for h in hashes)
        w = {h: weight(count, n) for h, count in df.items()}
        weights[name] = w
        for i, hashes in rows:
            own[i, e] = sum(w[h] for h in hashes)
        columns = {h: c for c, h in enumerate(h for h, count in df.items() if count >= 2 and w[h] > 0)}
        if not columns:
            continue
        r, c = [], []
        for i, hashes in rows:
            for h in hashes:
                if h in columns:
                    r.append(i)
                    c.append(columns[h])
        m = sparse.csr_matrix((np.ones(len(r)), (r, c)), shape=(n, len(columns)))
        col_w = np.zeros(len(columns))
        for h, col in columns.items():
            col_w[col] = w[h]
        shared[e] = (m.multiply(col_w[None, :]).tocsr() @ m.T).toarray()
        np.fill_diagonal(shared[e], 0.0)

    smaller = np.minimum(own[:, None, :], own[None, :, :]).transpose(2, 0, 1)  # (exercises, n, n)
    code = np.array([e.kind == "code" for e in classes.exercises], dtype=bool)
    with np.errstate(divide="ignore", invalid="ignore"):
        containment = np.where(smaller > 0, np.minimum(1.0, shared / smaller), 0.0)
        evidence = shared[code].sum(axis=0)
        denominator = smaller[code].sum(axis=0)
        matrix = np.where(denominator > 0, np.minimum(1.0, evidence / denominator), 0.0)
    np.fill_diagonal(matrix, 0.0)
    keep = np.triu((matrix >= PAIR_FLOOR) | ((containment >= EXERCISE_FLOOR) & (shared >= 1.0)).any(axis=0), k=1)
    pairs = []
    for i, j in zip(*np.nonzero(keep)):
        matches = {names[e]: ExerciseMatch(float(containment[e, i, j]), float(shared[e, i, j]), not code[e])
                   for e in range(len(names)) if shared[e, i, j] > 0}
        pair = PairScore(students[i], students[j], float(matrix[i, j]), float(evidence[i, j]), matches)
        _flag(pair)
        pairs.append(pair)
    pairs.sort(key=lambda p: (not p.flagged, -strength(p), -p.score, p.a, p.b))

    clusters = _components([(p.a, p.b) for p in pairs if p.flagged])
    for number, members in enumerate(clusters, start=1):
        member_set = set(members)
        for pair in pairs:
            if pair.flagged and pair.a in member_set:
                pair.cluster = number
    own_by_student = {s: {names[e]: float(own[i, e]) for e in range(len(names))} for s, i in index.items()}
    return Analysis(classes.chapter, students, names, pairs, weights, own_by_student, clusters, classes, matrix)


def _components(edges: list[tuple[str, str]]) -> list[list[str]]:
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = {}
    for x in parent:
        groups.setdefault(find(x), []).append(x)
    return sorted((sorted(g) for g in groups.values()), key=lambda g: (-len(g), g))
