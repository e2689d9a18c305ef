"""Winnowing (Schleimer, Wilkerson and Aiken, SIGMOD 2003, the method of MOSS) over normalised tokens.

Every run of ``k`` consecutive tokens is hashed (a stable 64-bit BLAKE2b hash, so the fingerprints and
the report are the same in every run); in each window of ``window`` consecutive k-gram hashes the
smallest is kept (the rightmost on ties). Two texts that share a run of at least ``k + window - 1``
tokens are guaranteed to share a fingerprint; runs shorter than ``k`` tokens are ignored as noise.

Why k-grams of normalised tokens rather than hashes of AST subtrees: the disguises (dead code added, a
function split in two, statements reordered) change the parents of what they touch, so whole-subtree
hashes of everything above the change differ; a k-gram only breaks where the change is, and the rest of
the code still matches. The AST has already done what subtree hashing is good at (names, layout,
comments, order), see ``normalize``.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from .normalize import Token

CODE_K, CODE_WINDOW = 8, 4     # guarantee: a shared run of 11 normalised tokens (about one statement)
TEXT_K, TEXT_WINDOW = 4, 3     # written answers: 4 content words, guarantee 6


@dataclass
class Fingerprints:
    """The selected hashes of one text, each with the line spans (in the original text) it covers."""

    spans: dict[int, list[tuple[int, int]]] = field(default_factory=dict)

    @property
    def hashes(self) -> set[int]:
        return set(self.spans)


def _hash(texts: tuple[str, ...]) -> int:
    return int.from_bytes(hashlib.blake2b("\x1f".join(texts).encode(), digest_size=8).digest(), "big")


def winnow(tokens: list[Token], k: int, window: int) -> Fingerprints:
    result = Fingerprints()
    if not tokens:
        return result
    texts = tuple(t.text for t in tokens)
    if len(tokens) < k:  # a short answer is one k-gram of what it has
        grams = [(_hash(texts), 0, len(tokens))]
    else:
        grams = [(_hash(texts[i:i + k]), i, i + k) for i in range(len(tokens) - k + 1)]
    chosen: set[int] = set()
    if len(grams) <= window:
        chosen.add(min(range(len(grams)), key=lambda i: (grams[i][0], -i)))
    for start in range(max(1, len(grams) - window + 1)):
        end = min(len(grams), start + window)
        best = min(range(start, end), key=lambda i: (grams[i][0], -i))
        chosen.add(best)
    for i in sorted(chosen):
        value, first, last = grams[i]
        span = (min(t.first_line for t in tokens[first:last]), max(t.last_line for t in tokens[first:last]))
        result.spans.setdefault(value, []).append(span)
    return result
