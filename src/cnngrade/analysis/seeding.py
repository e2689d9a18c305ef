"""The one seeding rule of the course, which two decisions rely on.

* **The proofs** (``authoring.prove.static_problems``) refuse a test cell that draws random numbers before it
  seeds (``unseeded_random_draw``).
* **The engine** may therefore skip a lesson cell that seeds or draws (``analysis.effects.self_contained``
  lets a seeding call through, ``engine.prepare.plan_cells`` skips the cell): the random state such a cell
  leaves behind is reset by every test cell before it draws, so no test sees it.

Both use ``is_seeding_call``: the rule is sound only if what the engine lets a skipped cell do is what the
proofs make every test cell undo. (Before issue 23 each side had its own regular expression; on every cell of
the course and of its variants the two agreed, and this rule classifies them all as they did.)
"""
from __future__ import annotations

import ast
import re

# The functions that reset a random state: numpy (np.random.seed, default_rng, Generator), PyTorch
# (torch.manual_seed, torch.cuda.manual_seed_all, torch.Generator), Keras / TensorFlow
# (keras.utils.set_random_seed, tf.random.set_seed), Lightning-style seed_everything, random.seed.
SEEDING_FUNCTIONS = frozenset({"seed", "manual_seed", "manual_seed_all", "set_seed", "set_random_seed",
                               "seed_everything", "default_rng", "Generator"})
# The functions that draw from a global random state (numpy, torch, random, TensorFlow, Keras).
RANDOM_DRAW = re.compile(r"^(randn|rand|randint|randperm|normal|uniform|random|randn_like|rand_like|"
                         r"standard_normal|integers|choice|permutation|shuffle|bernoulli|multinomial)$")


def call_name(call: ast.Call) -> str:
    """The called function's own name: ``torch.manual_seed(0)`` -> ``manual_seed``, ``f()`` -> ``f``."""
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def is_seeding_call(name: str) -> bool:
    """Does a call of a function of this name reset a random state?"""
    return name in SEEDING_FUNCTIONS


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
        name = call_name(call)
        if is_seeding_call(name):
            return ""
        seeded_here = isinstance(call.func, ast.Attribute) and any(
            isinstance(n, ast.Call) and is_seeding_call(call_name(n))
            for n in ast.walk(call.func.value))  # np.random.default_rng(0).normal(...)
        if seeded_here:
            continue
        if RANDOM_DRAW.match(name) and not any(kw.arg == "generator" for kw in call.keywords):
            return ast.unparse(call)[:60]
    return ""
