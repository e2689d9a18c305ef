"""Submissions are untrusted files: attacks through links, special files and sizes, and leaks through feedback,
graded through the instructor's real path (`make collect`, `make autograde`, `make feedback`) on a small
chapter-1 class.

Most submissions are planted straight in the submitted folder, as an old `cp -R` collect or a hand copy
left them, so that the engine's own checks (`discover`, the digest, the copy into the sandbox) and nbgrader's
copies into `autograded/` and `feedback/` are what is tested; two more go through `make collect`.
Expected: every notebook that is not a regular file (or is too large) is refused with its reason; every
other link or special file is removed with a note and reaches neither the sandbox nor any folder the
student gets back; a wrong answer gains nothing; no feedback page holds a hidden test line, in plain text
or compressed and base64-encoded; the honest students keep full marks; the run finishes.
"""
import base64
import binascii
import io
import json
import os
import re
import stat
import subprocess
import tarfile
import zipfile
import sys
import zlib

import nbformat
import pytest

from cnngrade import notebook as nbtools
from cnngrade.intake import submissions
from cnngrade.course import Course
from cnngrade.engine.prepare import files_of
from cnngrade.publishing.feedback import AFTER_TESTS_NOTE

from conftest import ROOT
from test_attacks import WRONG, _require_sandbox
from test_class import hidden_test_lines, page_text

sys.path.insert(0, str(ROOT / "tests" / "unit"))  # test_feedback lives there (found only when tests/unit is collected)
from test_feedback import _Markup  # noqa: E402

CHAPTER = "01-one-by-one"
NOTEBOOK = f"{CHAPTER}.ipynb"
TARGET = "test_conv2d_params"

EXEC_THE_LINKED_SOLUTION = WRONG + (
    "\nimport json\ntry:\n"
    "    for _cell in json.load(open('helper.json'))['cells']:\n"
    "        if 'def conv2d_params' in ''.join(_cell['source']):\n"
    "            exec(''.join(_cell['source']))\n"
    "except OSError as _err:\n    print('no helper:', _err)\n")
HISTORY_LEAK = ("\nimport base64 as _b, zlib as _z\n"
                "print('LEAK ' + _b.b64encode(_z.compress('\\n'.join(In).encode())).decode())\n")
EXCEPTION_LEAK = (
    "def conv2d_params(c_in, c_out, kernel_size, groups=1, bias=True):\n"
    "    import base64, linecache, sys, zlib\n"
    "    source = ''.join(linecache.getlines(sys._getframe(1).f_code.co_filename))\n"
    "    raise AssertionError(base64.b64encode(zlib.compress(source.encode())).decode())\n")
# Displayed before the first test cell (its outputs are shown in feedback): markup and script (red team B)
HTML_OUTPUT = ("\nfrom IPython.display import HTML, SVG, Javascript, Markdown, display\n"
               "display(HTML('<script>document.title=\"INJECTED\"</script><img src=x onerror=\"alert(1)\">'))\n"
               "display(Javascript('alert(2)'))\n"
               "display(SVG('<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(3)\"></svg>'))\n"
               "display(Markdown('<img src=x onerror=\"alert(4)\">'))\n"
               "raise ValueError('<script>alert(5)</script>')\n")
REFUSED = {  # student: words the reason must hold
    "a-notebook-link": "symbolic link",
    "d-notebook-folder": "is a folder",
    "e-dev-zero": "symbolic link",
    "f-fifo-notebook": "FIFO",
    "h-huge-notebook": "over the 20.0 MB limit",
}
FULL_MARKS = ("0-honest", "c-links-to-files", "g-fifo-extra", "i-history-leak", "k-collected", "n-undecodable-name",
              "z-honest")
# Only to show the other attacks on the engine before this work, which stopped at the first of these:
# CNNGRADE_SKIP_ATTACKS=d-notebook-folder,e-dev-zero,f-fifo-notebook,h-huge-notebook
SKIP = set(filter(None, os.environ.get("CNNGRADE_SKIP_ATTACKS", "").split(",")))


def _link(path, target):
    path.parent.mkdir(parents=True, exist_ok=True)
    os.symlink(target, path)


@pytest.fixture(scope="module")
def files_class(tmp_path_factory):
    _require_sandbox()
    course = Course(tmp_path_factory.mktemp("files"), ROOT)
    released = course.generate(CHAPTER)
    source = course.source_notebook(CHAPTER)
    submitted = course.folder / "work" / "submitted"
    solution = course.folder / "solutions" / CHAPTER / NOTEBOOK

    def submit(student, replacements=None):
        nb = nbtools.make_submission(released, source, replacements, keep_demos=False)
        return course.submit(student, CHAPTER, nb).parent

    keras = nbtools.solved_source(nbtools.cell_by_id(source, "small_basic_block_keras"))
    plant = {
        "0-honest": lambda: (submit("0-honest") / "notes.txt").write_text("my own notes\n"),
        "a-notebook-link": lambda: _link(submitted / "a-notebook-link" / CHAPTER / NOTEBOOK,
                                         os.path.relpath(solution, submitted / "a-notebook-link" / CHAPTER)),
        "b-extra-link-exec": lambda: _link(submit("b-extra-link-exec", {"conv2d_params": EXEC_THE_LINKED_SOLUTION})
                                           / "helper.json", solution),
        "c-links-to-files": lambda: [_link(submit("c-links-to-files") / name, target) for name, target in (
            ("gradebook.db", course.folder / "work" / "gradebook.db"),
            ("friend.json", submitted / "0-honest" / CHAPTER / NOTEBOOK),
            ("hostname.txt", "/etc/hostname"), ("etc", "/etc"))],
        "d-notebook-folder": lambda: (submitted / "d-notebook-folder" / CHAPTER / NOTEBOOK).mkdir(parents=True),
        "e-dev-zero": lambda: _link(submitted / "e-dev-zero" / CHAPTER / NOTEBOOK, "/dev/zero"),
        "f-fifo-notebook": lambda: ((submitted / "f-fifo-notebook" / CHAPTER).mkdir(parents=True),
                                    os.mkfifo(submitted / "f-fifo-notebook" / CHAPTER / NOTEBOOK)),
        "g-fifo-extra": lambda: os.mkfifo(submit("g-fifo-extra") / "pipe"),
        "h-huge-notebook": lambda: _huge(submitted / "h-huge-notebook" / CHAPTER / NOTEBOOK, released),
        "i-history-leak": lambda: submit("i-history-leak", {"small_basic_block_keras": keras + HISTORY_LEAK}),
        "j-exception-leak": lambda: submit("j-exception-leak", {"conv2d_params": EXCEPTION_LEAK}),
        "m-html-output": lambda: submit("m-html-output", {"conv2d_params": nbtools.solved_source(
            nbtools.cell_by_id(source, "conv2d_params")) + HTML_OUTPUT}),
        # red team A, round 4: a file whose name is not UTF-8 (bytes a Linux name may hold) stopped the whole run
        "n-undecodable-name": lambda: (submit("n-undecodable-name") / os.fsdecode(b"notes-\xff.txt")).write_text("x\n"),
        "z-honest": lambda: submit("z-honest"),
    }
    for student, make in plant.items():
        if student not in SKIP:
            make()

    # `make collect` from an LMS-like folder: a link to the solution and a FIFO next to an honest notebook,
    # and a notebook that is a link.
    incoming = course.folder / "incoming"
    nbtools.write(nbtools.make_submission(released, source, keep_demos=False), incoming / "k-collected" / CHAPTER / NOTEBOOK)
    (incoming / "k-collected" / CHAPTER / "notes.txt").write_text("notes\n")
    _link(incoming / "k-collected" / CHAPTER / "solution.json", solution)
    os.mkfifo(incoming / "k-collected" / CHAPTER / "pipe")
    _link(incoming / "l-collected-link" / CHAPTER / NOTEBOOK, solution)
    make = ["make", "-s"]
    collect = subprocess.run([*make, "collect", f"SUBMISSIONS={incoming}"], cwd=ROOT, env=course.env(),
                             capture_output=True, text=True, timeout=120)
    grade = subprocess.run([*make, "autograde", f"CHAPTER={CHAPTER}", "WORKERS=1", "TIMEOUT=30", "FORCE=1"],
                           cwd=ROOT, env=course.env(), capture_output=True, text=True, timeout=600)
    feedback = subprocess.run([*make, "feedback", f"CHAPTER={CHAPTER}"], cwd=ROOT, env=course.env(),
                              capture_output=True, text=True, timeout=300)
    return course, collect, grade, feedback


def _huge(path, released):
    path.parent.mkdir(parents=True, exist_ok=True)
    nbtools.write(released, path)
    with open(path, "ab") as fh:  # still a valid notebook: JSON allows trailing white space
        fh.write(b" " * (21 << 20))


def _record(course):
    path = course.folder / "work" / "engine" / f"{CHAPTER}.json"
    return json.loads(path.read_text())["students"] if path.exists() else {}


def _scores(course):
    try:
        return course.scores(CHAPTER)
    except Exception:  # noqa: BLE001 - no gradebook entry when the run stopped early
        return {}


def test_the_run_finishes_and_honest_students_keep_their_grades(files_class):
    course, collect, grade, _ = files_class
    record = _record(course)
    # make exits 2 when the engine exits 1: some submissions could not be graded (the refused ones)
    assert grade.returncode in (0, 2) and record, grade.stdout[-2000:] + grade.stderr[-3000:]
    points = nbtools.test_cells(course.source_notebook(CHAPTER))
    scores = _scores(course)
    for student in FULL_MARKS:
        assert record.get(student, {}).get("status") == "graded", (student, record.get(student))
        assert {c: scores[student][c].score for c in points} == points, student
    assert "graded " in grade.stdout and "FAILED  a-notebook-link" in grade.stdout


@pytest.mark.parametrize("student", sorted(REFUSED))
def test_a_notebook_that_is_not_a_regular_file_is_refused_with_its_reason(files_class, student):
    if student in SKIP:
        pytest.skip("left out of this run")
    course, _, grade, _ = files_class
    outcome = _record(course).get(student, {})
    assert outcome.get("status") == "failed" and REFUSED[student] in outcome.get("reason", ""), outcome
    assert not (course.folder / "work" / "autograded" / student).exists()
    assert _scores(course).get(student, {}).get(TARGET) is None  # not graded at all (a-notebook-link: not as the solution)


def test_an_extra_link_to_the_solution_gains_nothing(files_class):
    course, *_ = files_class
    outcome = _record(course).get("b-extra-link-exec", {})
    assert outcome.get("status") == "graded", outcome
    assert _scores(course)["b-extra-link-exec"][TARGET].score == 0
    assert "removed 'helper.json'" in outcome["note"] and "symbolic link" in outcome["note"]


def test_links_and_special_files_never_reach_what_the_student_gets_back(files_class):
    """No link, no special file and no foreign bytes (solution, gradebook, another student's notebook,
    /etc/hostname) in any autograded or feedback folder; each removed entry is named in a note."""
    course, *_ = files_class
    work = course.folder / "work"
    assert (work / "feedback" / "c-links-to-files" / CHAPTER).is_dir()
    foreign = {hashlib_of(p) for p in (course.folder / "solutions" / CHAPTER / NOTEBOOK, work / "gradebook.db",
                                       work / "submitted" / "0-honest" / CHAPTER / NOTEBOOK, "/etc/hostname")}
    for top in ("autograded", "feedback"):
        for path in (work / top).rglob("*"):
            mode = os.lstat(path).st_mode
            assert stat.S_ISDIR(mode) or stat.S_ISREG(mode), f"{path} is {submissions.describe(mode)}"
            if stat.S_ISREG(mode):
                assert hashlib_of(path) not in foreign, f"{path} holds a foreign file's bytes"
                assert path.name not in ("gradebook.db", "friend.json", "hostname.txt", "helper.json", "pipe"), path
    note = _record(course)["c-links-to-files"]["note"]
    for name in ("gradebook.db", "friend.json", "hostname.txt", "etc"):
        assert f"removed {name!r}" in note, note
    assert "removed 'pipe'" in _record(course)["g-fifo-extra"]["note"]
    assert "removed 'notes-\\udcff.txt' from the submission: a file whose name is not UTF-8" in \
        _record(course)["n-undecodable-name"]["note"], _record(course)["n-undecodable-name"]
    assert (work / "autograded" / "0-honest" / CHAPTER / "notes.txt").read_text() == "my own notes\n"  # own files kept


def hashlib_of(path):
    import hashlib

    return hashlib.sha256(open(path, "rb").read()).hexdigest()


def test_make_collect_copies_regular_files_only(files_class):
    course, collect, *_ = files_class
    assert collect.returncode == 0, collect.stdout + collect.stderr
    folder = course.folder / "work" / "submitted" / "k-collected" / CHAPTER
    assert sorted(p.name for p in folder.iterdir()) == [NOTEBOOK, "notes.txt"]
    assert all(stat.S_ISREG(os.lstat(p).st_mode) for p in folder.iterdir())
    assert not (course.folder / "work" / "submitted" / "l-collected-link" / CHAPTER / NOTEBOOK).exists()
    for line in (f"REFUSED k-collected/{CHAPTER}/solution.json: a symbolic link", f"REFUSED k-collected/{CHAPTER}/pipe: a FIFO",
                 f"REFUSED l-collected-link/{CHAPTER}/{NOTEBOOK}: a symbolic link"):
        assert line in collect.stdout, collect.stdout
    assert "no notebook named" in _record(course).get("l-collected-link", {}).get("reason", "")


_BASE64 = re.compile(r"[A-Za-z0-9+/=]{40,}")


def _decoded(text):
    """Whatever the long base64 runs of ``text`` decode to, zlib-decompressed where they can be (a prefix of a
    compressed stream decompresses too)."""
    out = []
    for token in _BASE64.findall(text):
        try:
            raw = base64.b64decode(token[: len(token) // 4 * 4])
        except (binascii.Error, ValueError):
            continue
        try:
            out.append(zlib.decompressobj().decompress(raw).decode("utf-8", "replace"))
        except zlib.error:
            out.append(raw.decode("utf-8", "replace"))
    return "\n".join(out)


def test_no_feedback_page_carries_a_hidden_test(files_class):
    """Plain, or compressed and base64-encoded: by a last cell printing the input history, and by a student
    function that raises with the calling test's source as its message."""
    course, _, _, feedback = files_class
    released = nbtools.read(course.released_path(CHAPTER))
    secrets = hidden_test_lines(course.source_notebook(CHAPTER), released)
    assert len(secrets) > 50
    pages = {p.parts[-3]: page_text(p) for p in (course.folder / "work" / "feedback").rglob(f"{CHAPTER}.html")}
    assert {"i-history-leak", "j-exception-leak", "0-honest"} <= set(pages), feedback.stdout[-2000:] + feedback.stderr[-3000:]
    for student, text in pages.items():
        readable = text + "\n" + _decoded(text)
        leaked = sorted(s for s in secrets if s in readable)
        assert not leaked, f"{student}: {leaked[:3]}"
    assert AFTER_TESTS_NOTE.strip() in pages["i-history-leak"]
    assert "AssertionError raised inside code of another cell" in pages["j-exception-leak"]
    assert _scores(course)["j-exception-leak"][TARGET].score == 0


def test_markup_displayed_before_the_tests_is_not_rendered_in_feedback(files_class):
    """Before (red team B): `display(HTML('<script>...<img onerror=...>'))` in a cell before the first test
    cell was copied verbatim into the feedback page (self-XSS for the student, stored XSS for whoever opens
    feedback pages). Now only plain text and images reach it, with a note; the error text is escaped."""
    course, _, _, feedback = files_class
    page = course.feedback_html("m-html-output", CHAPTER).read_text()
    markup = _Markup(page)  # the cell's own source is on the page too, escaped: look at tags, not at text
    assert not markup.handlers, markup.handlers
    assert not [s for s in markup.scripts if "alert(" in s or "INJECTED" in s], markup.scripts
    assert "svg" not in markup.tags
    assert "[output of type text/html not shown in feedback" in page
    assert "ValueError: &lt;script&gt;alert(5)&lt;/script&gt;" in page, feedback.stderr[-2000:]


# -- zip-collect's extractor ----------------------------------------------------------------------------
def test_zip_collect_extracts_regular_members_only(tmp_path):
    """An LMS archive with a link member (to /etc/hostname, and named like a submission), a hard link, a
    FIFO, a path out of the folder and an over-size member: only the regular, in-folder, in-size members
    come out, as regular files."""
    from nbgrader.plugins import ExtractorPlugin

    archive = tmp_path / "archive"
    archive.mkdir()
    good = b'{"cells": []}'
    with tarfile.open(archive / "download.tar.gz", "w:gz") as tf:
        def add(name, data=b"", **kwargs):
            info = tarfile.TarInfo(name)
            for key, value in kwargs.items():
                setattr(info, key, value)
            info.size = len(data) if info.type == tarfile.REGTYPE else 0
            tf.addfile(info, io.BytesIO(data) if info.type == tarfile.REGTYPE else None)
        add(f"jdoe_a_{NOTEBOOK}", good)
        add(f"mallory_a_{NOTEBOOK}", type=tarfile.SYMTYPE, linkname="/etc/hostname")
        add(f"eve_a_{NOTEBOOK}", type=tarfile.LNKTYPE, linkname=f"jdoe_a_{NOTEBOOK}")
        add("pipe", type=tarfile.FIFOTYPE)
        add(f"../escape_a_{NOTEBOOK}", good)
        add(f"big_a_{NOTEBOOK}", b" " * (submissions.MAX_NOTEBOOK_BYTES + 1))
    os.symlink("/etc/hostname", archive / f"linked_a_{NOTEBOOK}")

    def extracted(plugin):
        out = tmp_path / plugin.__name__
        out.mkdir()
        plugin().extract(str(archive), str(out))
        return {str(p.relative_to(out)): submissions.describe(os.lstat(p).st_mode) for p in out.rglob("*")
                if not stat.S_ISDIR(os.lstat(p).st_mode)}

    safe = extracted(submissions.SafeExtractor)
    assert safe == {f"download/jdoe_a_{NOTEBOOK}": "a regular file"}, safe
    assert (tmp_path / "SafeExtractor" / "download" / f"jdoe_a_{NOTEBOOK}").read_bytes() == good
    assert not (tmp_path / f"escape_a_{NOTEBOOK}").exists()
    # nbgrader's own extractor (what `make zip-collect` used before) copies what a link of the folder points to
    linked = tmp_path / "linked"
    linked.mkdir()
    os.symlink("/etc/hostname", linked / f"linked_a_{NOTEBOOK}")
    out = tmp_path / "plain"
    out.mkdir()
    ExtractorPlugin().extract(str(linked), str(out))
    assert (out / f"linked_a_{NOTEBOOK}").read_bytes() == open("/etc/hostname", "rb").read()


def test_reading_refuses_links_fifos_and_sizes_without_blocking(tmp_path):
    (tmp_path / "ok").write_bytes(b"x" * 10)
    os.symlink(tmp_path / "ok", tmp_path / "link")
    os.mkfifo(tmp_path / "fifo")
    assert submissions.read_regular(tmp_path / "ok", 10) == b"x" * 10
    for name, words, limit in (("link", "symbolic link", 100), ("fifo", "FIFO", 100), ("ok", "over the", 9)):
        with pytest.raises(submissions.UnsafeFile, match=words):
            submissions.read_regular(tmp_path / name, limit)
    with pytest.raises(submissions.UnsafeFile, match="character device"):
        os.symlink("/dev/zero", tmp_path / "zero")
        submissions.read_regular("/dev/zero", 100)


def test_zip_members_with_permission_bits_only_are_regular_files(tmp_path):
    """zipfile.writestr(name, data) stores 0o600 << 16: permission bits, no file type. Such a member is a
    regular file (an honest zip made by Python); an explicit link or FIFO member is still refused."""
    path = tmp_path / "a.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(f"jdoe_a_{NOTEBOOK}", b"{}")  # external_attr = 0o600 << 16
        for name, kind in (("link", stat.S_IFLNK), ("fifo", stat.S_IFIFO)):
            info = zipfile.ZipInfo(name)
            info.external_attr = (kind | 0o777) << 16
            zf.writestr(info, b"/etc/hostname")
    got = {name: (data, reason) for name, data, reason in submissions._archive_members(path, 100)}
    assert got == {f"jdoe_a_{NOTEBOOK}": (b"{}", ""), "link": (None, "a symbolic link"), "fifo": (None, "a FIFO")}


# -- zip-collect: whose file it is, duplicates, bounds (red team B, issue #20) ---------------------------
def _zip_member(name):
    info = zipfile.ZipInfo(name, date_time=(2026, 11, 21, 12, 0, 0))
    info.external_attr = (stat.S_IFREG | 0o644) << 16
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def test_zip_collect_files_each_upload_under_its_uploader_and_settles_duplicates(tmp_path):
    """Before: mallory's zip holding `victim_x_<chapter>.ipynb` (a wrong notebook) was filed as victim's
    submission, and with victim's own upload (or any student's two uploads) nbgrader stopped the whole
    collect ("Duplicate submission file. No timestamps for comparison", make exits 2). An honest zip made by
    zipfile.writestr (mode bits, no file type) was dropped. Now: each file is filed under its upload's
    student (a member's claimed id is renamed away, with a warning), duplicates keep the last upload (then
    the member named with the student's own id), and everyone is collected."""
    course = Course(tmp_path / "course", ROOT)
    released = course.generate(CHAPTER)
    source = course.source_notebook(CHAPTER)
    honest = nbformat.writes(nbtools.make_submission(released, source, keep_demos=False)).encode()
    wrong = nbformat.writes(nbtools.make_submission(
        released, source, {"conv2d_params": "def conv2d_params(*a, **k):\n    return 0\n"}, keep_demos=False)).encode()
    archive = course.folder / "work" / "downloaded" / CHAPTER / "archive"
    archive.mkdir(parents=True)
    with zipfile.ZipFile(archive / f"mallory_attempt_2026-11-21_{CHAPTER}.zip", "w") as zf:
        zf.writestr(_zip_member(f"mallory_x_{NOTEBOOK}"), honest)
        zf.writestr(_zip_member(f"victim_x_{NOTEBOOK}"), wrong)
    (archive / f"victim_attempt_2026-11-21_{NOTEBOOK}").write_bytes(honest)
    with zipfile.ZipFile(archive / f"honest_attempt_2026-11-21_{CHAPTER}.zip", "w") as zf:
        zf.writestr(f"honest_x_{NOTEBOOK}", honest)  # permission bits only
    (archive / f"twice_attempt_2026-11-20_{NOTEBOOK}").write_bytes(wrong)
    (archive / f"twice_attempt_2026-11-21_{NOTEBOOK}").write_bytes(honest)
    with zipfile.ZipFile(archive / f"plain_attempt_2026-11-21_{CHAPTER}.zip", "w") as zf:
        zf.writestr(_zip_member(f"work/{NOTEBOOK}"), honest)  # no id in the member's name
    proc = subprocess.run(["make", "-s", "zip-collect", f"CHAPTER={CHAPTER}"], cwd=ROOT, env=course.env(),
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    submitted = course.folder / "work" / "submitted"
    got = {p.name: (p / CHAPTER / NOTEBOOK).read_bytes() for p in submitted.iterdir()}
    assert sorted(got) == ["honest", "mallory", "plain", "twice", "victim"], proc.stderr[-3000:]
    assert {student: data == honest for student, data in got.items()} == dict.fromkeys(got, True)
    assert f"Renamed mallory_attempt_2026-11-21_{CHAPTER}.zip/victim_x_{NOTEBOOK} to mallory_victim_x_{NOTEBOOK}: " \
           "it names student 'victim'" in proc.stderr, proc.stderr[-3000:]
    assert re.search(rf"Replaced twice_attempt_2026-11-20_{NOTEBOOK}.* by twice_attempt_2026-11-21_{NOTEBOOK}", proc.stderr)


def _extract(tmp_path, caplog, build, **bounds):
    import logging

    from nbgrader.plugins import ExtractorPlugin  # noqa: F401 - SafeExtractor needs nbgrader

    archive, out = tmp_path / "archive", tmp_path / "out"
    archive.mkdir(parents=True)
    out.mkdir()
    build(archive)
    plugin = submissions.SafeExtractor()
    plugin.log = logging.getLogger("test-safe-extractor")
    for name, value in bounds.items():
        setattr(plugin, name, value)
    with caplog.at_level(logging.INFO, logger="test-safe-extractor"):
        plugin.extract(str(archive), str(out))
    written = {str(p.relative_to(out)): p.stat().st_size for p in out.rglob("*") if p.is_file()}
    return written, caplog.text


def test_zip_collect_bounds_what_an_upload_writes(tmp_path, caplog):
    """Before: a 256 KB zip of 12 members of 20 MB of zeros (each under the per-member limit) wrote 252 MB;
    nothing bounded the total. Now the upload stops at MAX_UPLOAD_BYTES, with a warning naming the bound."""
    def build(archive):
        with zipfile.ZipFile(archive / f"bomber_attempt_1_{CHAPTER}.zip", "w") as zf:
            for i in range(12):
                zf.writestr(_zip_member(f"pad{i:02d}.bin"), b"\0" * submissions.MAX_NOTEBOOK_BYTES)
        assert (archive / f"bomber_attempt_1_{CHAPTER}.zip").stat().st_size < 1 << 20

    written, log = _extract(tmp_path, caplog, build)
    assert sum(written.values()) <= submissions.MAX_UPLOAD_BYTES <= submissions.MAX_SUBMISSION_BYTES // 2, written
    assert "over the upload's 64.0 MB extraction limit" in log, log


def test_zip_collect_bounds_members_nesting_and_the_run(tmp_path, caplog, monkeypatch):
    """Too many members: the archive is refused before its directory is read; archives nested deeper than
    MAX_ARCHIVE_DEPTH are refused; a run stops at its own total; an LMS bulk download (no id in its name) is
    bounded by the run only, and each of its members is an upload of its own."""
    monkeypatch.setattr(submissions, "MAX_ARCHIVE_MEMBERS", 20)

    def nested(levels, payload):
        data = payload
        for level in range(levels):
            buf = io.BytesIO()
            with zipfile.ZipFile(buf, "w") as zf:
                zf.writestr(_zip_member(f"deep{level}.zip" if level else f"deep_x_{NOTEBOOK}"), data)
            data = buf.getvalue()
        return data

    def build(archive):
        with zipfile.ZipFile(archive / f"many_attempt_1_{CHAPTER}.zip", "w") as zf:
            for i in range(21):
                zf.writestr(_zip_member(f"f{i}.txt"), b"x")
        (archive / f"deep_attempt_1_{CHAPTER}.zip").write_bytes(nested(4, b"{}"))  # 3 archives inside the upload
        (archive / f"ok_attempt_1_{CHAPTER}.zip").write_bytes(nested(3, b"{}"))  # 2 inside: extracted

    def bulk(archive):
        with zipfile.ZipFile(archive / "lms-download.zip", "w") as zf:
            for student in ("a", "b", "c"):
                zf.writestr(_zip_member(f"{student}_attempt_1_{NOTEBOOK}"), b"y" * 600)

    written, log = _extract(tmp_path / "one", caplog, build, max_upload_bytes=4000)
    assert not [name for name in written if name.startswith("many")], written
    assert "an archive of 21 members, over the limit of 20" in log
    assert not [name for name in written if name.startswith("deep")], written
    assert "an archive 4 levels deep (at most 3)" in log
    assert written == {f"ok_attempt_1_{CHAPTER}/deep2/deep1/ok_deep_x_{NOTEBOOK}": 2}, written
    # 1800 bytes from one bulk download, over one upload's 1000: each member is its own upload
    written, log = _extract(tmp_path / "bulk", caplog, bulk, max_upload_bytes=1000)
    assert len(written) == 3, written
    written, log = _extract(tmp_path / "run", caplog, bulk, max_upload_bytes=1000, max_run_bytes=1500)
    assert sorted(written) == [f"lms-download/a_attempt_1_{NOTEBOOK}", f"lms-download/b_attempt_1_{NOTEBOOK}"], written
    assert "over the run's" in log, log


def test_compiled_and_native_code_is_not_copied_into_the_sandbox(tmp_path):
    """Red team A, round 2: a sourceless ``helper.pyc`` imported by the notebook ran code no static flag reads
    (13/13 for wrong code, unflagged; tests/test_attacks.py a-pyc-takeover). Compiled Python, native libraries
    and archives holding code stay out of the sandbox with a note; data and sources go in."""
    import importlib.util

    from cnngrade import engine

    folder = tmp_path / "student" / "01-one-by-one"
    (folder / "__pycache__").mkdir(parents=True)
    blobs = {"helper.pyc": importlib.util.MAGIC_NUMBER + bytes(20), "renamed.dat": importlib.util.MAGIC_NUMBER + bytes(20),
             "__pycache__/my_solution.cpython-311.pyc": b"anything", "fast.cpython-311-x86_64-linux-gnu.so": b"\x7fELF",
             "library.bin": b"\x7fELF\x02\x01", "my_solution.py": b"def f():\n    return 1\n",
             "weights.npy": b"\x93NUMPY\x01\x00", "table.csv": b"a,b\r\n1,2\r\n"}
    code_zip, data_zip = io.BytesIO(), io.BytesIO()
    with zipfile.ZipFile(code_zip, "w") as zf:
        zf.writestr("pkg/mod.py", "x = 1")
    with zipfile.ZipFile(data_zip, "w") as zf:
        zf.writestr("images/a.csv", "1,2")
    blobs.update({"lib.zip": code_zip.getvalue(), "data.zip": data_zip.getvalue()})
    for rel, data in blobs.items():
        (folder / rel).write_bytes(data)
    sub = engine.Submission("student", folder, files=sorted(blobs))
    copied = files_of(sub)
    assert sorted(copied) == ["data.zip", "my_solution.py", "table.csv", "weights.npy"], sorted(copied)
    for rel in set(blobs) - set(copied):
        assert repr(rel) in sub.note, (rel, sub.note)
