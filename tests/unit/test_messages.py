"""The engine's side of the worker protocol (``cnngrade.engine.messages``): the dicts the worker
(``cnngrade.isolation.worker``) reads and writes, read from its source, against the ``Job`` and ``Result``
classes; the converter step reading the executed notebook from ``resources``. No worker, no kernel."""
import ast
import dataclasses
import json
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from cnngrade.engine import record
from cnngrade.engine.messages import STOP, Job, Ready, Result

WORKER = Path(__file__).resolve().parents[2] / "src" / "cnngrade" / "isolation" / "worker.py"

# A graded result and a failure exactly as ``worker.grade_job`` returns them (values of the real kinds).
REPLY_OK = {"id": "alice", "nonce": "5f" * 16, "status": "ok",
            "notebook": {"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5},
            "flags": [{"kind": "patched", "detail": "torch.allclose was replaced", "cell": "cell 3"}],
            "seconds": 4.25, "reason": "", "timings": [[-1, 0.8], [2, 0.01], [3, 1.5]], "retire": False}
REPLY_FAILED = {"id": "bob", "nonce": "a0" * 16, "status": "failed", "reason": "cell 4 did not stop within 30 s + 10 s",
                "notebook": None, "flags": [], "seconds": 41.0, "retire": False}


def _worker_tree() -> ast.Module:
    return ast.parse(WORKER.read_text())


def _job_keys_read_by_the_worker() -> set[str]:
    """Every ``job["key"]`` and ``job.get("key")`` of the worker's source."""
    keys = set()
    for node in ast.walk(_worker_tree()):
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id == "job" \
                and isinstance(node.slice, ast.Constant):
            keys.add(node.slice.value)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get" \
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "job" and node.args \
                and isinstance(node.args[0], ast.Constant):
            keys.add(node.args[0].value)
    return keys


def _result_key_sets_written_by_the_worker() -> list[set[str]]:
    """The keys of every result the worker builds: dict literals with a ``nonce``, and ``result.update(...)``."""
    sets = []
    for node in ast.walk(_worker_tree()):
        if isinstance(node, ast.Dict):
            keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
            if "nonce" in keys:
                sets.append(keys)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "update" \
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "result":
            sets.append({k.arg for k in node.keywords})
    return sets


def test_every_key_the_worker_reads_from_a_job_is_one_a_job_writes():
    read = _job_keys_read_by_the_worker()
    assert {"id", "nonce", "notebook", "kinds", "timeout", "cpu_seconds", "memory_mb"} <= read  # the parse found them
    written = {f.name for f in dataclasses.fields(Job)} | set(STOP)
    assert read <= written, f"the worker reads keys no Job writes: {sorted(read - written)}"


def test_every_key_the_worker_writes_into_a_result_is_a_result_field():
    sets = _result_key_sets_written_by_the_worker()
    assert len(sets) >= 4 and any("timings" in keys for keys in sets)  # grade_job's success, its failures, main's
    fields = {f.name for f in dataclasses.fields(Result)}
    for keys in sets:
        assert keys <= fields, f"the worker writes keys no Result reads: {sorted(keys - fields)}"


def test_a_real_worker_reply_round_trips():
    for reply in (REPLY_OK, REPLY_FAILED):
        result = Result.from_message(reply)
        assert {k: getattr(result, k) for k in reply} == reply
        assert Result.from_message(result.to_message()) == result
    ok, failed = Result.from_message(REPLY_OK), Result.from_message(REPLY_FAILED)
    assert ok.to_message() == {**REPLY_OK, "retry": False}
    assert failed.to_message() == {**REPLY_FAILED, "timings": [], "retry": False}  # a failure has timings too
    assert ok.ok and not failed.ok and ok.executed().cells == []


def test_a_failure_made_by_the_engine_has_every_field_of_a_graded_result():
    job = Job(id="carol", notebook={}, kinds=[], timeout=30, cpu_seconds=180, memory_mb=4096)
    failed = Result.failed(job, "the grading worker failed: it died", retire=True)
    assert failed.to_message().keys() == Result.from_message(REPLY_OK).to_message().keys()
    assert failed.answers(job) and (failed.status, failed.timings, failed.notebook) == ("failed", [], None)


@pytest.mark.parametrize("message", [
    {"id": "x", "nonce": "n"},                                   # no status
    {"id": "x", "nonce": "n", "status": "graded"},               # not a status the worker sends
    {"id": "x", "nonce": "n", "status": "ok", "notebook": None},  # ok without a notebook
    {"nonce": "n", "status": "failed", "reason": "r"},           # no id
    ["not", "a", "dict"],
])
def test_what_is_not_a_result_is_refused(message):
    with pytest.raises(ValueError):
        Result.from_message(message)


def test_a_job_writes_the_dict_the_worker_reads():
    nb = new_notebook(cells=[new_markdown_cell("# T"), new_code_cell("x = 1")])
    job = Job.for_notebook("dave", nb, ["markdown", "student"], timeout=30, memory_mb=2048,
                           files={"data.csv": "YQ=="}, hide=[Path("/course"), Path("/repo")])
    message = job.to_message()
    assert message.keys() == {"id", "nonce", "notebook", "files", "kinds", "timeout", "cpu_seconds", "memory_mb", "hide"}
    assert message["cpu_seconds"] == 180 and message["hide"] == ["/course", "/repo"] and len(message["nonce"]) == 32
    assert nbformat.reads(json.dumps(message["notebook"]), as_version=4).cells[1].source == "x = 1"  # nbformat's JSON
    assert Job.for_notebook("dave", nb, ["markdown", "student"], timeout=5, memory_mb=1).cpu_seconds == 80
    assert Job.from_message(message) == job
    short = dataclasses.replace(job, wall_seconds=3)
    assert short.to_message()["wall_seconds"] == 3 and Job.from_message(short.to_message()) == short
    assert job.nonce != Job.for_notebook("dave", nb, ["markdown", "student"], timeout=30, memory_mb=2048).nonce


def test_the_ready_message_is_read_and_anything_else_refused():
    ready = Ready.from_message({"ready": True, "pid": 7, "sandboxed": True, "not_dumpable": True})
    assert (ready.pid, ready.sandboxed, ready.not_dumpable) == (7, True, True)
    with pytest.raises(ValueError):
        Ready.from_message({"id": "x", "status": "ok"})


# -- the converter step: the executed notebook arrives in nbgrader's resources ------------------------------
def test_cached_execute_takes_the_executed_notebook_from_resources():
    cached_execute, _ = record._classes()
    sanitized = new_notebook(cells=[new_code_cell("print(1)")])
    executed = new_notebook(cells=[new_code_cell("print(1)")])
    executed.cells[0].outputs = [nbformat.v4.new_output("stream", name="stdout", text="1\n")]
    resources = {"nbgrader": {"student": "erin"}, record.RESOURCES_KEY: {"executed": executed}}
    nb, _ = cached_execute().preprocess(sanitized, resources)
    assert nb is executed
    with pytest.raises(RuntimeError, match="does not match"):
        cached_execute().preprocess(new_notebook(cells=[new_code_cell("print(2)")]), resources)
    with pytest.raises(RuntimeError, match="cell 4 did not stop"):
        cached_execute().preprocess(sanitized, {**resources, record.RESOURCES_KEY: {"executed": "cell 4 did not stop"}})
    with pytest.raises(RuntimeError, match="no executed notebook for erin"):
        cached_execute().preprocess(sanitized, {"nbgrader": {"student": "erin"}})


def test_the_recording_converter_puts_the_executed_notebook_in_each_notebooks_resources(tmp_path):
    _, recording = record._classes()
    from nbgrader.coursedir import CourseDirectory

    coursedir = CourseDirectory(root=str(tmp_path))
    converter = recording("the reason", coursedir=coursedir)
    path = str(tmp_path / "submitted" / "frank" / "01-x" / "01-x.ipynb")
    resources = converter.init_single_notebook_resources(path)
    assert resources[record.RESOURCES_KEY] == {"executed": "the reason"}
    assert resources["nbgrader"]["student"] == "frank"
