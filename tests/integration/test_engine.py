"""The grading engine: same grades as nbgrader, forked children that behave like fresh kernels, lesson
cells skipped only when provably safe, a Dask cluster that survives a killed worker."""
import dataclasses
import json
import os
import signal
import subprocess
import sys
import threading
import time

import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from cnngrade.authoring import compare
from cnngrade import engine
from cnngrade.isolation import guard
from cnngrade import notebook as nbtools
from cnngrade.authoring import variants
from cnngrade.course import Course
from cnngrade.authoring.prove import SOLUTION, STUB

from conftest import CHAPTERS, ROOT



# -- which lesson cells may be skipped ---------------------------------------------------------------
def _nb(*cells):
    out = []
    for kind, source in cells:
        cell = new_markdown_cell(source) if kind == "md" else new_code_cell(source)
        if kind == "setup":
            cell.metadata["tags"] = ["setup"]
        if kind == "solution":
            cell.metadata["nbgrader"] = {"grade_id": "f", "solution": True, "grade": False, "schema_version": 3}
        if kind == "test":
            cell.metadata["nbgrader"] = {"grade_id": "test_f", "solution": False, "grade": True, "points": 1,
                                         "schema_version": 3}
        out.append(cell)
    return new_notebook(cells=out)


LESSON = [
    ("setup", "import torch\nimport numpy as np\nfrom cnnblocks.checks import check_close"),
    ("lesson", "demo = torch.randn(3)\nprint(demo.sum())"),            # 1: pure demo: skipped
    ("lesson", "table = {'a': 1}"),                                      # 2: read by the test: runs
    ("lesson", "torch.set_default_dtype(torch.float64)"),                # 3: global state: runs
    ("lesson", "helper_values = [1, 2]\nsize = len(helper_values)"),    # 4: feeds cell 5
    ("lesson", "table['b'] = size"),                                     # 5: mutates table: runs
    ("lesson", "%matplotlib inline\nx = 1"),                             # 6: magic: runs
    ("solution", "def f(x):\n    return 2 * x"),
    ("test", "check_close(f(table['a']), 2)"),
]


def test_plan_cells_skips_only_provably_unneeded_lesson_cells():
    nb = _nb(*LESSON)
    kinds = engine.plan_cells(nb, nb, {"torch", "np", "check_close"})
    assert kinds == ["setup", "skip", "lesson", "lesson", "lesson", "lesson", "lesson", "student", "test"]


def test_plan_cells_runs_a_changed_lesson_cell_as_student_code():
    released = _nb(*LESSON)
    submitted = _nb(*LESSON)
    submitted.cells[1].source = "demo = torch.randn(3)\ncheck_close = print"
    kinds = engine.plan_cells(submitted, released, {"torch", "np", "check_close"})
    assert kinds[1] == "student"


def test_static_flags_catch_tampering_but_not_honest_code():
    honest = "def conv2d_params(c_in, c_out, k, groups=1, bias=True):\n    return c_out * c_in // groups * k * k + c_out * bias\n"
    assert guard.static_flags(honest, "c", {"check_equal", "torch"}, {"torch"}) == []
    cheats = {
        "def check_equal(*a, **k):\n    pass\n": "defines `check_equal`",
        "torch.allclose = lambda *a, **k: True\n": "assigns the attribute `torch.allclose`",
        "import sys\nsys.modules['cnnblocks.checks'].check_close = print\n": "uses the attribute modules",
        "import builtins\n": "imports builtins",
        "data = open('/work/main/solutions/x.ipynb').read()\n": "opens a file outside its folder",
        "import sqlite3\n": "imports sqlite3",
        "import os\nos.kill(os.getppid(), 9)\n": "calls os.kill",
        "get_ipython().set_custom_exc((AssertionError,), lambda *a: None)\n": "calls get_ipython",
    }
    for code, expected in cheats.items():
        details = [f.detail for f in guard.static_flags(code, "c", {"check_equal", "torch"}, {"torch"})]
        assert any(expected in d for d in details), (code, details)


# -- forked children behave like fresh interpreters ----------------------------------------------------
PROBE = """
import torch, keras, numpy as np
from cnnblocks import seed_everything
seed_everything(7)
conv = torch.nn.Conv2d(3, 4, 3)
t = float(conv(torch.randn(2, 3, 9, 9)).sum().detach())
layer = keras.layers.Conv2D(4, 3)
k = float(np.asarray(layer(keras.random.normal((2, 9, 9, 3), seed=1))).sum())
threads = torch.get_num_threads()
print(repr((round(t, 5), round(k, 5), threads)))
"""


def _run_worker_job(sources, kinds=None, use_sandbox=False):
    nb = new_notebook(cells=[new_code_cell(s) for s in sources])
    pool = engine.LocalPool(1, [ROOT], use_sandbox, threads=1)
    try:
        jobs = [engine.Job(id=str(i), nonce=f"n{i}", notebook=json.loads(json.dumps(nb)),
                           kinds=kinds or ["student"] * len(sources), timeout=60, cpu_seconds=300, memory_mb=4096)
                for i in range(2)]
        return list(pool.run(jobs))
    finally:
        pool.close()


def _text(result, cell=0):
    texts = [o.get("text", "") for o in result.notebook["cells"][cell]["outputs"] if o["output_type"] == "stream"]
    return "".join("".join(t) if isinstance(t, list) else t for t in texts)


@pytest.mark.slow
def test_forked_children_compute_what_a_fresh_interpreter_computes():
    """Seeded PyTorch and Keras results in a child forked from the warm worker equal a fresh process's,
    and one child's definitions and patches never reach the next child."""
    env = {**os.environ, "OMP_NUM_THREADS": "1", "TF_CPP_MIN_LOG_LEVEL": "3"}
    fresh = subprocess.run([sys.executable, "-c", "from cnnblocks import notebook_setup; notebook_setup()\n" + PROBE],
                           capture_output=True, text=True, env=env, check=True).stdout.strip().splitlines()[-1]
    results = _run_worker_job(["from cnnblocks import notebook_setup; notebook_setup()", PROBE,
                               "print('leak' in globals()); leak = 1; import torch; torch.allclose = None"])
    for result in results:
        assert result.ok, result.reason
        assert _text(result, 1).strip().splitlines()[-1] == fresh
        assert _text(result, 2).strip() == "False"  # the previous child's `leak` is not here


GETMODULE_PROBE = r"""
import inspect, json, sys, types
from cnngrade.isolation import worker

def frame_of(filename):
    namespace = {}
    exec(compile("import sys\ndef here():\n    return sys._getframe()\n", filename, "exec"), namespace)
    return namespace["here"]()

def answers():
    objects = [frame_of("<cell-1>"), frame_of("/tmp/ipykernel_1/2.py"), compile("1", "<x>", "exec"), json,
               json.dumps, json.JSONDecoder, inspect.currentframe(), len, sys.exc_info]
    try:
        json.loads("{")
    except ValueError as err:
        tb = err.__traceback__
        while tb.tb_next:
            tb = tb.tb_next
        objects.append(tb.tb_frame)  # a frame of a module's own file
    return [getattr(inspect.getmodule(o), "__name__", None) for o in objects]

scans = []
original = inspect.getmodule
def counting(object, _filename=None):  # the standard function, counting the calls in which it scans
    if not (inspect.ismodule(object) or hasattr(object, "__module__") or hasattr(object, "__name__")):
        file = inspect.getabsfile(object, _filename)
        if file not in inspect.modulesbyfile:
            scans.append(file)
    return original(object, _filename)
inspect.getmodule = counting
before = answers()
standard_scans = len(scans)
worker.remember_module_scans()  # its own first scan
scans.clear()
after = answers()
again = answers()
remembered_scans = len(scans)
# a module loaded afterwards, whose frames must be found (a new module count means a new scan)
module = types.ModuleType("late_module"); module.__file__ = "/tmp/late_module.py"
exec(compile("import sys\ndef here():\n    return sys._getframe()\n", module.__file__, "exec"), module.__dict__)
sys.modules["late_module"] = module
late = getattr(inspect.getmodule(module.here()), "__name__", None)
print(json.dumps({"before": before, "after": after, "again": again, "late": late,
                  "standard_scans": standard_scans, "remembered_scans": remembered_scans}))
"""


def test_remembered_module_scans_give_inspects_answers_with_fewer_scans():
    """The worker's ``inspect.getmodule`` (see ``worker.remember_module_scans``) answers exactly as the
    standard one, finds a module loaded later, and does not re-scan for a file it already knows is none."""
    out = subprocess.run([sys.executable, "-c", GETMODULE_PROBE], capture_output=True, text=True, check=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["before"] == result["after"] == result["again"]
    assert result["before"][:3] == [None, None, None] and result["before"][3] == "json"
    assert result["before"][-1] == "json.decoder"
    assert result["late"] == "late_module"
    assert result["standard_scans"] >= 4  # one per question about a frame or code object of no module
    assert result["remembered_scans"] == 0  # the worker's own scan answers them all until a module loads


# -- same grades as nbgrader ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def failure_comparison(tmp_path_factory):
    # One engine worker: eleven notebooks do not repay a second worker's start-up (about 7 s of CPU).
    return compare.compare(compare.failure_class(CHAPTERS), CHAPTERS, tmp_path_factory.mktemp("compare"), workers=1)


@pytest.mark.slow
def test_engine_gives_nbgrader_grades_on_every_chapter_and_failure_kind(failure_comparison):
    result = failure_comparison
    assert result.equal, "\n".join(result.mismatches)
    assert result.cells > 0 and result.submissions == len(CHAPTERS) + 3
    assert all(result.graded[chapter] for chapter in CHAPTERS), "every chapter has a graded submission in the comparison"


@pytest.mark.slow
def test_engine_reports_ungradable_submissions_with_a_reason(failure_comparison):
    failed = failure_comparison.failed[CHAPTERS[0]]
    assert {"fails-crash", "fails-empty", "fails-not-a-notebook"} <= set(failed)
    assert "lessons-stderr-then-error" not in failed  # graded: the cells that raise score 0


@pytest.mark.slow
def test_engine_gives_nbgrader_grades_when_a_cell_never_ends(tmp_path, monkeypatch):
    # The reference's own wait: nbgrader's Execute raises when a cell's last IOPub message comes more than
    # `iopub_timeout` (4 s) after its reply, which the TensorFlow import of the setup cell did on a loaded
    # machine (the reference then graded nothing: a flaky mismatch). That wait is not what this test is
    # about; the per-cell limit, the interrupt and the grades are, and they stay as they were.
    grade = compare._grade

    def patient_reference(course, chapters, name, options):
        return grade(course, chapters, name, [*options, "--Execute.iopub_timeout=120"] if name == "nbgrader" else options)

    # Likewise its kernel's TensorFlow import in the setup cell, which took more than a 20 s cell limit on a
    # loaded machine (every later cell then failed in the reference only): 60 s, for both graders.
    monkeypatch.setattr(compare, "_grade", patient_reference)
    result = compare.compare(compare.timeout_class(CHAPTERS[0]), [CHAPTERS[0]], tmp_path, timeout=60, side_by_side=True)
    assert result.equal, "\n".join(result.mismatches)
    assert result.failed[CHAPTERS[0]] == [] and result.graded[CHAPTERS[0]] == ["fails-timeout"]
    assert result.cells > 0  # interrupted, then graded: the looping cell scores 0 in both


# -- Dask: same grades, a worker killed mid-run --------------------------------------------------------
@pytest.mark.slow
def test_dask_cluster_grades_like_local_and_survives_a_killed_worker(tmp_path, monkeypatch):
    distributed = pytest.importorskip("distributed")
    chapter = CHAPTERS[0]
    course = Course(tmp_path / "course", ROOT)
    released = course.generate(chapter)
    source = course.source_notebook(chapter)
    course.submit(SOLUTION, chapter, nbtools.make_submission(released, source, keep_demos=False))
    course.submit(STUB, chapter, released)
    chosen = [v for v in variants.load(ROOT / "autograde", chapter)][:4]
    for v in chosen:
        code = v.resolve(nbtools.solved_source(nbtools.cell_by_id(source, v.replaces)))
        course.submit(v.student_id, chapter, nbtools.make_submission(released, source, {v.replaces: code}, keep_demos=False))
    for key, value in course.env().items():
        monkeypatch.setenv(key, value)
    tests = nbtools.test_cells(source)

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, protocol="tcp://",
                                  host="127.0.0.1", dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        pids = client.run(os.getpid)
        outcome: dict = {}
        thread = threading.Thread(target=lambda: outcome.update(engine.autograde(
            ROOT / "autograde", chapter, scheduler=cluster.scheduler_address, force=True, progress=False,
            log=lambda *_: None) and {"done": True}))
        thread.start()
        deadline = time.time() + 600
        victim = None
        while time.time() < deadline and victim is None:  # kill a worker while it grades
            busy = [address for address, tasks in client.processing().items() if tasks]
            if busy:
                victim = pids[busy[0]]
                time.sleep(2)
                os.kill(victim, signal.SIGKILL)
            time.sleep(0.5)
        thread.join(timeout=900)
        assert victim is not None and outcome.get("done")

    record = course.engine_outcomes(chapter)
    assert sorted(record) == sorted([SOLUTION, STUB] + [v.student_id for v in chosen])  # none lost
    assert all(o["status"] == "graded" for o in record.values()), record
    scores = course.scores(chapter)
    assert all(scores[SOLUTION][c].score == p for c, p in tests.items())
    assert all(scores[STUB][c].score == 0 for c in tests)
    for v in chosen:
        for cell, points in tests.items():
            assert scores[v.student_id][cell].score == (0 if cell in v.loses else points), (v.name, cell)
    from nbgrader.api import Gradebook

    with Gradebook("sqlite:///" + str(course.folder / "work" / "gradebook.db")) as gb:  # none counted twice
        assert len(gb.find_assignment(chapter).submissions) == len(record)


def test_courses_generated_side_by_side_keep_their_own_folders(tmp_path, monkeypatch):
    """check-engine builds one course per chapter in threads; nbgrader's converter reads the course's
    folders from the process environment, so two generations at once must not see each other's (the
    configuration is loaded slowly here, so that without a lock the threads would overwrite it)."""
    from concurrent.futures import ThreadPoolExecutor

    seen = []
    real = engine.load_config

    def slow_load_config(folder):
        before = os.environ["CNNBLOCKS_COURSE_ROOT"]
        time.sleep(0.3)
        seen.append((before, os.environ["CNNBLOCKS_COURSE_ROOT"]))
        return real(folder)

    monkeypatch.setattr(engine, "load_config", slow_load_config)
    chapters = CHAPTERS[:3]
    with ThreadPoolExecutor(len(chapters)) as pool:
        released = list(pool.map(lambda ch: Course(tmp_path / ch, ROOT).generate(ch), chapters))
    assert len(seen) == len(chapters) and all(before == after for before, after in seen), seen
    for chapter, nb in zip(chapters, released):
        assert (tmp_path / chapter / "chapters" / chapter / f"{chapter}.ipynb").exists() and nb.cells


# -- the trust boundary: the child holds nothing the grader decides with ------------------------------
SECRET = "hidden_marker_8d1f"  # in the test cell's source only
HISTORY_PROBE = r"""
import gc, json, linecache, sys
from cnngrade.isolation import worker
shell = get_ipython()
needle = "secret = 'hidden_marker_" + format(0x8D1F, "x")  # built here: not a constant of this cell
places = {
    "In": "\n".join(In), "_ih": "\n".join(_ih), "_i": _i, "_ii": _ii, "_iii": _iii, "Out": repr(Out),
    "linecache": "".join("".join(entry[2]) for entry in list(linecache.cache.values()) if len(entry) > 2 and entry[2]),
    "parent": json.dumps(shell.kernel.get_parent(), default=str), "shell.parent_header": json.dumps(shell.parent_header, default=str),
    "last_execution_result": repr(getattr(shell.last_execution_result, "info", None)),
    "history": repr(shell.history_manager.input_hist_raw),
    "last_traceback": repr(getattr(sys, "last_traceback", None)) + repr(getattr(shell.InteractiveTB, "tb", None)),
}
def strings(obj):
    values = obj.values() if isinstance(obj, dict) else obj if isinstance(obj, (list, tuple)) else ()
    return [v for v in values if isinstance(v, str)]
places["any live container"] = "".join(s for o in gc.get_objects() for s in strings(o) if needle in s and s is not needle)
print(json.dumps({"found": sorted(k for k, v in places.items() if needle in v),
                  "dumpable": worker._prctl(worker.PR_GET_DUMPABLE),
                  "seccomp": [l.split()[1] for l in open("/proc/self/status") if l.startswith("Seccomp:")]}))
del needle, places  # the test cell runs in a copy of the namespace (guard.hide_shadows): no stale needle there
"""


def test_test_cells_leave_no_source_in_the_child_and_a_stuck_worker_is_replaced(monkeypatch):
    """After a test cell (here one that fails, so that a traceback exists), a later cell finds its source in
    none of the places IPython and the kernel keep cells (``In``, ``_ih``, ``_i``, ``Out``, ``linecache``,
    the parent message, the last result and traceback, the history) nor in any live container; before
    it, the child does not hold it either (it never sees the notebook); the child is not dumpable and
    runs under a seccomp filter. Then a worker that stops answering is given up at the engine's own
    wall-clock limit, the submission fails with the reason, and the worker is replaced."""
    test_cell = f"secret = '{SECRET}'\nassert secret == 'other', secret"
    sources = ["x = 1", HISTORY_PROBE, test_cell, HISTORY_PROBE]
    nb = new_notebook(cells=[new_code_cell(s) for s in sources])
    pool = engine.LocalPool(1, [ROOT], False, threads=1)
    try:
        job = engine.Job(id="probe", nonce="n1", notebook=json.loads(json.dumps(nb)),
                         kinds=["setup", "student", "test", "student"], timeout=60, cpu_seconds=300, memory_mb=4096)
        (result,) = pool.run([job])
        assert result.ok, result.reason
        assert "AssertionError" in json.dumps(result.notebook["cells"][2]["outputs"])  # the test cell ran
        before, after = (json.loads(_text(result, i).strip().splitlines()[-1]) for i in (1, 3))
        assert before["found"] == [] and after["found"] == [], (before, after)
        assert after["dumpable"] == 0 and after["seccomp"] == ["2"], after

        monkeypatch.setattr(engine.pools, "WORKER_MARGIN_SECONDS", 0)
        stuck = dataclasses.replace(job, nonce="n2", wall_seconds=3)
        worker = pool.workers[0]
        os.kill(worker.proc.pid, signal.SIGSTOP)  # a worker that no longer answers
        started = time.monotonic()
        (result,) = pool.run([stuck])
        assert result.status == "failed" and "wall-clock limit of 3 s" in result.reason, result
        assert time.monotonic() - started < 30 and pool.workers[0] is None and worker.proc.poll() is not None
    finally:
        pool.close()


def test_a_child_cannot_forge_replies_or_outlive_its_limits():
    """A reply that does not carry the request's token fails the submission at once (no waiting), and a
    cell that ignores the interrupt is killed after the grace; the worker goes on with the next job."""
    forge = ("import json, os, struct\n"
             "for fd in range(3, 64):\n"
             "    try:\n"
             "        if os.readlink(f'/proc/self/fd/{fd}').startswith('pipe:'):\n"
             "            data = json.dumps({'token': 'guess', 'outputs': []}).encode()\n"
             "            os.write(fd, struct.pack('>Q', len(data)) + data)\n"
             "    except OSError:\n"
             "        pass\n"
             "import time\ntime.sleep(30)")
    stubborn = "import signal, time\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\nwhile True:\n    time.sleep(0.1)"
    pool = engine.LocalPool(1, [ROOT], False, threads=1)
    try:
        jobs = [engine.Job(id=name, nonce=name, notebook=json.loads(json.dumps(new_notebook(cells=[new_code_cell(code)]))),
                           kinds=["student"], timeout=2, cpu_seconds=300, memory_mb=4096)
                for name, code in (("forge", forge), ("stubborn", stubborn), ("fine", "print('fine')"))]
        results = {r.id: r for r in pool.run(jobs)}
        assert results["forge"].status == "failed" and "not its own" in results["forge"].reason, results["forge"]
        assert results["forge"].seconds < 10
        assert results["stubborn"].status == "failed" and "did not stop" in results["stubborn"].reason
        assert results["fine"].ok and _text(results["fine"]).strip() == "fine"
    finally:
        pool.close()


def test_the_audit_hook_reads_paths_by_whole_components_after_normalising():
    """`/usr/../<course>` is the course and `/usrx` is not under `/usr`: both are recorded (review finding)."""
    secret = "/srv/cnngrade-course/solutions/secret.ipynb"  # outside every allowed folder (a clone may sit in /tmp)
    script = (
        "import os, sys, tempfile\n"
        "from cnngrade.isolation.worker import install_audit_hook\n"
        "record = []\n"
        "work = tempfile.mkdtemp()\n"
        "install_audit_hook(work, record)\n"
        f"for path in ('/usr/..' + {secret!r}, '/usrx-missing', "
        "os.path.join(work, 'own.txt'), '/usr/lib/os-release', sys.prefix + '/pyvenv.cfg'):\n"
        "    try:\n"
        "        open(path).close()\n"
        "    except OSError:\n"
        "        pass\n"
        "print('\\n'.join(record))\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True).stdout
    assert f"read {secret}" in out, out
    assert "read /usrx-missing" in out, out
    assert "own.txt" not in out and "os-release" not in out and "pyvenv" not in out, out


# -- the worker/child boundary (red team rt-a) -------------------------------------------------------------
def test_a_job_whose_worker_died_is_retried_once_on_a_fresh_worker(monkeypatch):
    """A worker that dies (or whose fork server an earlier job reached) does not fail the job it was given:
    the pool grades that job again on a fresh worker, once; a job that kills its worker twice fails with
    its reason. A job that ran out of its time is not retried."""
    from cnngrade.isolation import worker as worker_mod

    made, script = [], {}

    class FakeWorker:
        def __init__(self, *args):
            made.append(self)
            self.proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])

        def grade(self, job):
            outcome = script[job.id].pop(0)
            if outcome == "dies":
                raise engine.WorkerFailed("the grading worker died or sent pipe closed", retry=True)
            if outcome == "late":
                raise engine.WorkerFailed("no result within the submission's wall-clock limit")
            if outcome == "server gone":
                return engine.Result.from_message(
                    {"id": job.id, "nonce": job.nonce, "status": "failed", "retire": True, "retry": True,
                     "reason": "the worker's fork server is gone: not graded, retried by a new worker"})
            return engine.Result.from_message({"id": job.id, "nonce": job.nonce, "status": "ok", "notebook": {},
                                               "reason": "", "retire": False})

        def close(self):
            self.proc.kill()
            self.proc.wait()

    monkeypatch.setattr(engine.pools, "LocalWorker", FakeWorker)
    script.update({"a": ["server gone", "ok"], "b": ["dies", "ok"], "c": ["dies", "dies", "ok"], "d": ["late", "ok"]})
    pool = engine.LocalPool(1, [], False, threads=1)
    try:
        jobs = [engine.Job(id=k, nonce=k, notebook={}, kinds=[], timeout=1, cpu_seconds=60, memory_mb=512) for k in "abcd"]
        results = {r.id: r for r in pool.run(jobs)}
    finally:
        pool.close()
    assert results["a"].status == results["b"].status == "ok", results
    assert results["c"].status == "failed" and "died" in results["c"].reason and "second time" in results["c"].reason
    assert results["d"].status == "failed" and "wall-clock" in results["d"].reason and script["d"] == ["ok"]
    assert script["c"] == ["ok"] and len(made) == 5 and not any(r.retry for r in results.values())
    assert worker_mod.fork_server_problem  # (used by the worker before and after each job: next test)


def test_the_worker_notices_a_fork_server_stopped_or_with_other_limits():
    from cnngrade.isolation import worker as worker_mod

    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        time.sleep(0.3)
        limits = open(f"/proc/{proc.pid}/limits").read()
        assert worker_mod.fork_server_problem(proc.pid, limits) == ""
        os.kill(proc.pid, signal.SIGSTOP)
        time.sleep(0.2)
        assert "state" in worker_mod.fork_server_problem(proc.pid, limits)
        os.kill(proc.pid, signal.SIGCONT)
        time.sleep(0.2)
        import resource
        resource.prlimit(proc.pid, resource.RLIMIT_DATA, (1 << 30, 1 << 30))
        assert "limits" in worker_mod.fork_server_problem(proc.pid, limits)
        proc.kill()
        proc.wait()
        assert "gone" in worker_mod.fork_server_problem(proc.pid, limits)
    finally:
        proc.kill()
        proc.wait()


SECCOMP_PROBE = """
import json, os, resource, signal, sys
from cnngrade.isolation import worker
server = os.getpid()
pid = os.fork()
if pid == 0:
    assert worker.seccomp_filter((server, 1, -1, -os.getpgid(0)))
    def outcome(call):
        try:
            call()
            return "allowed"
        except OSError as err:
            return err.strerror
    found = {"prlimit server": outcome(lambda: resource.prlimit(server, resource.RLIMIT_DATA, (1 << 20, 1 << 20))),
             "kill server": outcome(lambda: os.kill(server, signal.SIGKILL)),
             "kill everyone": outcome(lambda: os.kill(-1, signal.SIGKILL)),
             "kill its group": outcome(lambda: os.killpg(os.getpgid(server), signal.SIGKILL)),
             "prlimit itself": outcome(lambda: resource.prlimit(os.getpid(), resource.RLIMIT_CORE, (0, 0))),
             "setrlimit": outcome(lambda: resource.setrlimit(resource.RLIMIT_CORE, (0, 0))),
             "signal itself": outcome(lambda: os.kill(os.getpid(), 0)),
             "affinity": outcome(lambda: os.sched_setaffinity(0, os.sched_getaffinity(0)))}
    import ctypes
    def pidfd_signal(pid):  # signal 0: the permission check only, through an open /proc/<pid> folder
        fd = os.open(f"/proc/{pid}", os.O_RDONLY | os.O_DIRECTORY)
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.syscall({"x86_64": 424, "aarch64": 424}[os.uname().machine], fd, 0, None, 0) != 0:
            raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()))
    found["pidfd signal server"] = outcome(lambda: pidfd_signal(server))
    child = os.fork()
    if child == 0:
        os.setpgid(0, 0)
        signal.pause()
    found["kill its own child"] = outcome(lambda: os.kill(child, signal.SIGKILL))
    os.waitpid(child, 0)
    print(json.dumps(found))
    os._exit(0)
os.waitpid(pid, 0)
print(json.dumps({"server data limit": resource.getrlimit(resource.RLIMIT_DATA)[0]}))
"""


def test_a_child_cannot_set_limits_of_or_signal_the_worker_or_fork_server():
    """``resource.prlimit(fork_server, RLIMIT_DATA, 1 MB)`` from a child broke every later student of that
    worker (red team: y-prlimit-data-quiet); ``kill`` reached the fork server. The child's seccomp filter
    answers EPERM when the pid is the grader's; the child's own processes are its to signal and limit.
    Red team A, round 4: ``pidfd_send_signal`` on an open ``/proc/<pid>`` folder names no pid the filter
    reads; SIGINT through ``/proc/1`` killed the worker. It is denied (signal 0 here: the check only)."""
    out = subprocess.run([sys.executable, "-c", SECCOMP_PROBE], capture_output=True, text=True, check=True, cwd=ROOT)
    child, server = (json.loads(line) for line in out.stdout.strip().splitlines()[-2:])
    denied = ("prlimit server", "kill server", "kill everyone", "kill its group", "pidfd signal server")
    assert {k: child[k] for k in denied} == dict.fromkeys(denied, "Operation not permitted"), child
    assert {k: v for k, v in child.items() if k not in denied} == dict.fromkeys(set(child) - set(denied), "allowed")
    assert server["server data limit"] == resource_infinity()


def resource_infinity():
    import resource

    return resource.getrlimit(resource.RLIMIT_DATA)[0]


def test_replies_are_checked_field_by_field():
    from nbformat.v4 import new_output

    from cnngrade.isolation import worker as worker_mod

    honest = {"token": "t", "execution_count": 3, "flags": [{"kind": "guard", "detail": "d", "cell": "c"}],
              "modules": ["np"], "outputs": [new_output("stream", name="stdout", text="hi"),
                                             new_output("error", ename="E", evalue="v", traceback=["a", "b"]),
                                             new_output("display_data", data={"image/png": "AAAA", "text/plain": ["x"]}),
                                             new_output("execute_result", data={"application/json": {"a": 1}},
                                                        execution_count=3)]}
    assert worker_mod._malformed(json.loads(json.dumps(honest))) == ""
    bad = [{"execution_count": 10 ** 40 * 1.0}, {"execution_count": True}, {"outputs": [{"output_type": "stream",
           "name": "stdout", "text": 3}]}, {"outputs": [{"output_type": "stream", "name": "/etc", "text": ""}]},
           {"outputs": [{"output_type": "evil"}]}, {"outputs": [{"output_type": "error", "ename": "E", "evalue": "",
           "traceback": [1]}]}, {"outputs": [{"output_type": "stream", "name": "stdout", "text": "", "extra": 1}]},
           {"flags": [{"kind": 1, "detail": "", "cell": ""}]}, {"modules": [["x"]]}, {"other": 1},
           {"outputs": [{"output_type": "stream", "name": "stdout", "text": "x" * (3 * worker_mod.TEXT_CHARS)}]},
           {"outputs": [{"output_type": "display_data", "data": {"text/plain": {"x": 1}}, "metadata": {}}]}]
    for fields in bad:
        assert worker_mod._malformed({"token": "t", **fields}), fields


# -- red team A round 4: what a submission can take from the machine, and false flags ----------------------
def _sandboxed(sources, monkeypatch=None, env=None, then=None):
    """One job of ``sources`` (student cells) on one sandboxed worker; its result (and the result of a job
    of ``then`` graded after it by the same worker, when given)."""
    from cnngrade.isolation import sandbox

    if not sandbox.available()[0]:
        message = f"the grading sandbox is unavailable: {sandbox.available()[1]}"
        if os.environ.get("CI") or os.environ.get("CNNGRADE_REQUIRE_SANDBOX") == "1":
            pytest.fail(message)
        pytest.skip(message)
    for key, value in (env or {}).items():
        monkeypatch.setenv(key, value)
    pool = engine.LocalPool(1, [ROOT], True, threads=1)
    try:
        jobs = [engine.Job(id=str(i), nonce=f"n{i}", notebook=json.loads(json.dumps(new_notebook(
                    cells=[new_code_cell(s) for s in cells]))), kinds=["student"] * len(cells), timeout=60,
                           cpu_seconds=300, memory_mb=4096)
                for i, cells in enumerate([sources] + ([then] if then else []))]
        results = sorted(pool.run(jobs), key=lambda r: r.id)
        return results if then else results[0]
    finally:
        pool.close()


MEMORY_PROBE = r"""
import ctypes, json, os
found = {}
try:
    os.close(os.memfd_create('x'))
    found['memfd'] = 'allowed'
except OSError as err:
    found['memfd'] = err.strerror
_libc = ctypes.CDLL(None, use_errno=True)
_id = _libc.shmget(0, 1 << 20, 0o1600)  # IPC_PRIVATE, IPC_CREAT | 0600
found['shmget'] = 'allowed' if _id >= 0 else os.strerror(ctypes.get_errno())
for _name in ('msgget', 'semget'):  # IPC_PRIVATE, IPC_CREAT | 0600
    _id = getattr(_libc, _name)(0, *((1,) if _name == 'semget' else ()), 0o1600)
    found[_name] = 'allowed' if _id >= 0 else os.strerror(ctypes.get_errno())
for folder in ('/tmp', '/var/tmp', '/dev/shm', os.path.expanduser('~'), '/dev'):
    st = os.statvfs(folder)
    found[folder] = 0 if st.f_flag & os.ST_RDONLY else st.f_blocks * st.f_frsize
_chunk, written = b'\0' * (64 << 20), 0
try:  # 1.25 GB in files of 256 MB (RLIMIT_FSIZE is 512 MB)
    for i in range(5):
        with open(f'/tmp/fill{i}', 'wb') as fh:
            for _ in range(4):
                fh.write(_chunk)
                written += 64 << 20
    found['fill'] = [written, 'no error']
except OSError as err:
    found['fill'] = [written, err.strerror]
for i in range(5):
    if os.path.exists(f'/tmp/fill{i}'):
        os.remove(f'/tmp/fill{i}')
found['environment'] = sorted(os.environ)
print(json.dumps(found))
"""
POOL = r"""
import multiprocessing
with multiprocessing.Pool(2) as pool:
    print(pool.map(abs, [-1, -2]))
"""


def test_a_submission_takes_no_memory_beyond_its_limits_nor_the_graders_environment(monkeypatch):
    """Red team A, round 4. Memory that RLIMIT_AS does not cover: the sandbox's private folders are tmpfs
    (memory) of half the machine's memory each, five of them (a submission wrote gigabytes past its limit;
    the out-of-memory killer then picks another process, since no process owns such files); a memfd's pages
    (``os.memfd_create``, no import needed) likewise; a System V shared memory segment (and message queue,
    semaphore set) also outlives the submission in the IPC namespace every later student of the worker
    shares. Now the folders have a size (``sandbox.PRIVATE_BYTES``), /dev is read-only, and memfd_create,
    shmget, msgget and semget answer ENOSYS. The grader's environment variables (a token) reached the
    student's own output. A multiprocessing Pool (which ends its
    workers with SIGTERM) got an audit flag, "sent a signal"."""
    from cnngrade.isolation import sandbox

    result = _sandboxed([MEMORY_PROBE, POOL], monkeypatch, {"GRADER_API_TOKEN": "rt4a-not-for-students"})
    assert result.ok, result.reason
    found = json.loads(_text(result, 0).strip().splitlines()[-1])
    assert {found[k] for k in ("memfd", "shmget", "msgget", "semget")} == {"Function not implemented"}, found
    assert found["/dev"] == 0, found  # read-only
    for folder in ("/tmp", "/var/tmp", "/dev/shm"):
        assert 0 < found[folder] <= sandbox.PRIVATE_BYTES[folder], (folder, found)
    assert 0 < found[os.path.expanduser("~")] <= sandbox.PRIVATE_BYTES["home"], found
    assert found["fill"] == [sandbox.PRIVATE_BYTES["/tmp"], "No space left on device"], found
    assert "GRADER_API_TOKEN" not in found["environment"] and "KERAS_BACKEND" in found["environment"], found
    assert _text(result, 1).strip() == "[1, 2]"
    assert not [f for f in result.flags if "signal" in f["detail"]], result.flags  # ctypes above is flagged


FORK_BOMB = r"""
import subprocess, time
_started = [subprocess.Popen(['sleep', '30']) for _ in range(300)]  # light processes: what a fork bomb counts
print('started', len(_started))
time.sleep(3)
"""


def test_a_fork_bomb_fails_the_submission_within_a_bounded_number_of_processes(monkeypatch):
    """Red team A, round 4: a cell started as many processes as it liked (RLIMIT_NPROC holds neither for a
    grader that runs as root nor for threads of a process, and each copy is within RLIMIT_AS): the machine's
    memory and process table, for every other worker. The worker now counts the sandbox's processes while
    a cell runs and fails the submission past ``worker.MAX_PROCESSES`` (300 processes were all started)."""
    from cnngrade.isolation import worker

    result = _sandboxed([FORK_BOMB, "print('after')"], monkeypatch)
    assert result.status == "failed", (result.reason, _text(result, 0) if result.notebook else "")
    assert f"started more than {worker.MAX_PROCESSES} processes" in result.reason, result.reason


def test_a_dask_worker_without_the_sandbox_says_so_or_refuses(monkeypatch):
    """Red team A, round 4: a Dask worker whose machine cannot sandbox graded silently, unisolated (the
    repository it runs from, solutions included, readable by student cells); the engine's warning is about
    its own machine. Now each of its results carries an "isolation" flag, and with
    CNNGRADE_REQUIRE_SANDBOX=1 on that worker each job fails with the reason."""
    from cnngrade.engine import pools
    from cnngrade.isolation import sandbox

    monkeypatch.setattr(sandbox, "available", lambda: (False, "bubblewrap (`bwrap`) is not installed"))
    monkeypatch.setattr(pools, "_DASK_POOL", None)
    nb = new_notebook(cells=[new_code_cell("print(1 + 1)")])
    job = engine.Job(id="s", nonce="n", notebook=json.loads(json.dumps(nb)), kinds=["student"], timeout=60,
                     cpu_seconds=300, memory_mb=4096, hide=[str(ROOT)])
    monkeypatch.setenv("CNNGRADE_REQUIRE_SANDBOX", "1")
    refused = pools.grade_on_dask_worker(job)
    assert refused.status == "failed" and "cannot sandbox" in refused.reason and pools._DASK_POOL is None, refused
    monkeypatch.delenv("CNNGRADE_REQUIRE_SANDBOX")
    try:
        result = pools.grade_on_dask_worker(dataclasses.replace(job, nonce="n2"))
    finally:
        if pools._DASK_POOL is not None:
            pools._DASK_POOL.close()
    assert result.ok, result.reason
    assert [f["kind"] for f in result.flags] == ["isolation"] and "is not installed" in result.flags[0]["detail"], result.flags


LOCK_THE_FOLDERS = r"""
import os
for folder in ('/tmp', '/var/tmp', '/dev/shm'):
    open(os.path.join(folder, 'planted'), 'w').write('x')
    os.chmod(folder, 0)
"""
LOOK_AROUND = r"""
import json, os
print(json.dumps({folder: sorted(os.listdir(folder)) for folder in ('/var/tmp', '/dev/shm')}))
"""


def test_a_submission_that_locks_the_private_folders_does_not_fail_the_next_one(monkeypatch):
    """Red team A, round 4: the private folders belong to the sandbox's one user, so ``os.chmod('/tmp', 0)``
    left /tmp unreadable to the worker's cleaning: the planted files stayed and every later student of
    that worker failed (no working folder could be made). The cleaning now gives each folder its mode
    back first (and a worker that cannot clean retires instead of grading the next student)."""
    _, after = _sandboxed([LOCK_THE_FOLDERS], monkeypatch, then=[LOOK_AROUND])
    assert after.ok, after.reason
    assert json.loads(_text(after).strip().splitlines()[-1]) == {"/var/tmp": [], "/dev/shm": []}
