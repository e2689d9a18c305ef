"""Graded with nbgrader's DEFAULT configuration (a TA's own set-up), every test cell still runs.

The course's graded cells carry `raises-exception` + `remove-output`, not `skip-execution` (which
nbclient skips by default: before the change, a default set-up ran no test and gave every submission
full marks). Here chapter 1 is graded in a course directory whose nbgrader_config.py holds nothing but
the folder mapping (nbgrader's standard folders and the gradebook's path; no Execute or any other
setting, and an empty Jupyter config dir so that no user-wide config applies): the solution keeps full
marks, a known-wrong implementation loses exactly its cell, and the blank stub scores zero everywhere.
"""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from nbgrader.api import Gradebook

from cnngrade import notebook as nbtools
from cnngrade.authoring import variants as variants_mod

from conftest import ROOT

CHAPTER = "01-one-by-one"
WRONG = "conv1x1_transposed_weight"  # loses test_conv1x1_as_matmul
MAPPING_ONLY = """c = get_config()
c.CourseDirectory.root = {root!r}
c.CourseDirectory.source_directory = "source"
c.CourseDirectory.release_directory = "release"
c.CourseDirectory.db_url = "sqlite:///" + {db!r}
"""


def nbgrader(folder: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CNNBLOCKS_", "JUPYTER_CONFIG"))}
    env["JUPYTER_CONFIG_DIR"] = str(folder / "jupyter-config")  # empty: no user-wide nbgrader config
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    proc = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=folder, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, f"nbgrader {' '.join(args)}:\n{proc.stdout[-2000:]}\n{proc.stderr[-4000:]}"
    return proc


@pytest.mark.slow
def test_default_nbgrader_config_runs_every_test(tmp_path):
    folder = tmp_path / "course"
    (folder / "jupyter-config").mkdir(parents=True)
    (folder / "nbgrader_config.py").write_text(MAPPING_ONLY.format(root=str(folder), db=str(folder / "gradebook.db")))
    shutil.copytree(ROOT / "solutions" / CHAPTER, folder / "source" / CHAPTER)
    nbgrader(folder, "generate_assignment", CHAPTER)
    released = nbtools.read(folder / "release" / CHAPTER / f"{CHAPTER}.ipynb")
    source = nbtools.read(ROOT / "solutions" / CHAPTER / f"{CHAPTER}.ipynb")
    wrong = next(v for v in variants_mod.load(ROOT / "autograde", CHAPTER) if v.name == WRONG)
    wrong_code = wrong.resolve(nbtools.solved_source(nbtools.cell_by_id(source, wrong.replaces)))
    submissions = {
        "solution": nbtools.make_submission(released, source, keep_demos=False),
        "stub": nbtools.make_submission(released, source, solve=False, keep_demos=False),
        "wrong": nbtools.make_submission(released, source, {wrong.replaces: wrong_code}, keep_demos=False),
    }
    for student, nb in submissions.items():
        nbtools.write(nb, folder / "submitted" / student / CHAPTER / f"{CHAPTER}.ipynb")
    nbgrader(folder, "autograde", CHAPTER)

    got = {}
    with Gradebook("sqlite:///" + str(folder / "gradebook.db")) as gb:
        for submission in gb.find_assignment(CHAPTER).submissions:
            got[submission.student.id] = {g.name: g.score for nb in submission.notebooks for g in nb.grades}
    full = nbtools.test_cells(source)
    assert got["solution"] == full
    assert got["stub"] == {cell: 0 for cell in full}
    assert got["wrong"] == {**full, **{cell: 0 for cell in wrong.loses}}
