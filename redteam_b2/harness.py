"""Grade attack notebooks through the real engine (sandboxed), print per-cell scores and flags.

usage: python redteam_b2/harness.py CHAPTER attacks_module [names...]
attacks_module defines ATTACKS = {name: {grade_id: code_or_patch}} and LOSES = {name: [test ids]}.
"""
import importlib.util, json, subprocess, sys, tempfile, time
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from cnngrade import notebook as nbtools
from cnngrade.course import Course
from cnngrade.variants import apply_patch, is_patch

ROOT = Path(__file__).resolve().parents[1]
chapter, modpath, *only = sys.argv[1:]
spec = importlib.util.spec_from_file_location("atk", modpath); atk = importlib.util.module_from_spec(spec); spec.loader.exec_module(atk)
course = Course(Path(tempfile.mkdtemp(prefix="rt2b_")), ROOT)
released = course.generate(chapter)
source = course.source_notebook(chapter)
names = [n for n in atk.ATTACKS if not only or n in only]
for name in names:
    repl = {}
    attack = dict(atk.ATTACKS[name])
    solve = not attack.pop("__unsolved__", False)
    for gid, code in attack.items():
        if is_patch(code):
            code = apply_patch(code, nbtools.solved_source(nbtools.cell_by_id(source, gid)))
        repl[gid] = code
    course.submit(name, chapter, nbtools.make_submission(released, source, repl, solve=solve, keep_demos=False))
course.submit("zz-honest", chapter, nbtools.make_submission(released, source, keep_demos=False))
t = time.time()
proc = subprocess.run(["make", "-s", "autograde", f"CHAPTER={chapter}", "WORKERS=1", "TIMEOUT=60", "FORCE=1"],
                      cwd=ROOT, env=course.env(), capture_output=True, text=True, timeout=1800)
print("graded in", round(time.time() - t), "s; rc", proc.returncode)
scores, record = course.scores(chapter), course.engine_outcomes(chapter)
points = nbtools.test_cells(source)
for name in names + ["zz-honest"]:
    out = record.get(name, {})
    sc = scores.get(name, {})
    lost = {c: sc[c].score for c in points if c in sc and sc[c].score != points[c]}
    print(f"== {name}: status={out.get('status')} total={sum(s.score for s in sc.values())}/{sum(points.values())} "
          f"lost={lost} reason={out.get('reason','')[:200]}")
    for f in out.get("flags", []):
        print("   FLAG", str(f)[:300])
    if getattr(atk, "LOSES", {}).get(name):
        for c in atk.LOSES[name]:
            print("   target", c, "score", sc.get(c).score if c in sc else None, "/", points.get(c))
print("course folder", course.folder)
if proc.returncode not in (0, 1):
    print(proc.stdout[-3000:], proc.stderr[-3000:])
