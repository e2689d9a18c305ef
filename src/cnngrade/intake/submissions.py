"""Submissions are untrusted files: read, walk and copy them without following links or reading without limits.

A submission folder (``<work>/submitted/<student>/<chapter>/``) is whatever a student handed in, copied by
``make collect`` or ``make zip-collect``. Anything in it that is not a regular file is refused: a link
(relative or absolute: to ``solutions/``, the gradebook, another student's notebook, ``/etc/hostname``,
``/dev/zero``), a folder named like the notebook, a FIFO, a socket, a device. The rules:

* the **notebook** (``<chapter>.ipynb``) must be a regular file of at most ``MAX_NOTEBOOK_BYTES``: otherwise
  the submission is refused with a one-line reason (the engine reports it as FAILED; nothing of it is read);
* any **other** entry that is not a regular file (or a real folder) is removed from the submitted copy,
  with a NOTE naming it and why (a link is only a name: removing it loses nothing of the student's work, and
  nbgrader's own steps, which copy the folder's files into ``autograded/`` and ``feedback/`` with
  ``shutil.copy``, would otherwise copy what it points to);
* other regular files larger than ``MAX_EXTRA_FILE_BYTES`` stay in the folder but are not copied into the
  sandbox (NOTE); a folder of more than ``MAX_FILES`` files or ``MAX_SUBMISSION_BYTES`` bytes is refused.

Files are opened with ``O_NOFOLLOW | O_NONBLOCK`` and checked with ``fstat`` on the open descriptor (a link
swapped in after the walk fails to open; a FIFO does not block the open), sizes are checked before reading,
and at most the limit is read. Walks never follow links (``os.scandir`` + ``lstat``).

``collect`` (``make collect``) copies a folder of submissions with these rules, and ``SafeExtractor``
(``make zip-collect``, set in ``autograde/nbgrader_config.py``) extracts LMS archives as regular files only.
"""
from __future__ import annotations

import errno
import os
import re
import shutil
import stat
import tarfile
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

MAX_NOTEBOOK_BYTES = 20 << 20
MAX_EXTRA_FILE_BYTES = 16 << 20
MAX_SUBMISSION_BYTES = 256 << 20
MAX_FILES = 1000
NOT_TEXT_NAME = "a file whose name is not UTF-8 text"
_CHUNK = 1 << 20


class UnsafeFile(Exception):
    """A path that is not a regular file, or is over its size limit; the message is a one-line reason."""


def describe(mode: int) -> str:
    """What a file of this ``st_mode`` is, in words ("a symbolic link", "a folder", ...)."""
    for test, words in ((stat.S_ISLNK, "a symbolic link"), (stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO"),
                        (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
                        (stat.S_ISBLK, "a block device"), (stat.S_ISREG, "a regular file")):
        if test(mode):
            return words
    return "not a regular file"


def _mb(size: int) -> str:
    return f"{size / (1 << 20):.1f} MB"


def open_regular(path: str | os.PathLike, limit: int) -> tuple[int, int]:
    """``(fd, size)`` of ``path`` opened read-only; raises ``UnsafeFile`` unless it is a regular file (not a
    link: ``O_NOFOLLOW``) of at most ``limit`` bytes. Checked on the open descriptor (no check-then-open)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as err:
        if err.errno == errno.ELOOP:
            raise UnsafeFile("a symbolic link") from None
        raise UnsafeFile(f"cannot be opened ({err.strerror})") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise UnsafeFile(f"{describe(st.st_mode)}, not a regular file")
        if st.st_size > limit:
            raise UnsafeFile(f"{_mb(st.st_size)}, over the {_mb(limit)} limit")
    except BaseException:
        os.close(fd)
        raise
    return fd, st.st_size


def read_regular(path: str | os.PathLike, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes (``UnsafeFile`` otherwise; a file that grows
    while it is read is refused too)."""
    fd, _ = open_regular(path, limit)
    try:
        parts, total = [], 0
        while True:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            parts.append(chunk)
            total += len(chunk)
            if total > limit:
                raise UnsafeFile(f"grew over the {_mb(limit)} limit while it was read")
        return b"".join(parts)
    finally:
        os.close(fd)


def write_new(path: Path, data: bytes) -> None:
    """Write ``data`` at ``path`` through a temporary file and a rename: whatever ``path`` was (a link left by
    an earlier copy, say) is replaced, never written through."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".collect-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        os.replace(tmp, path)
    except BaseException:
        if os.path.lexists(tmp):
            os.unlink(tmp)
        raise


def real_folder(path: Path) -> bool:
    """A folder, not a link to one."""
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except OSError:
        return False


def walk(folder: Path) -> Iterator[tuple[str, os.stat_result]]:
    """``(relative path, lstat)`` of every entry below ``folder``, folders included, never following a link
    (a link to a folder is listed, not entered). Sorted, so digests do not depend on the file system."""
    stack = [""]
    while stack:
        rel = stack.pop()
        try:
            with os.scandir(folder / rel if rel else folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError:
            continue
        subfolders = []
        for entry in entries:
            path = f"{rel}/{entry.name}" if rel else entry.name
            st = entry.stat(follow_symlinks=False)
            yield path, st
            if stat.S_ISDIR(st.st_mode):
                subfolders.append(path)
        stack.extend(reversed(subfolders))


@dataclass
class Scan:
    """The regular files of a submission folder and what was refused in it."""

    files: list[str] = field(default_factory=list)  # relative paths of regular files, sorted
    refused: list[tuple[str, str]] = field(default_factory=list)  # (relative path, reason)
    problem: str = ""  # the whole submission is refused


def scan(folder: Path, notebook: str) -> Scan:
    """Every entry of a submission folder, sorted into regular files and refused entries; ``problem`` says why
    the whole submission is refused (its notebook is not a regular file or is too large, too many files...)."""
    result, total = Scan(), 0
    if not real_folder(folder) or not real_folder(folder.parent):
        what = folder if not real_folder(folder) else folder.parent
        result.problem = f"the submission folder {what.name!r} is {describe(_lmode(what))}, not a folder"
        return result
    for rel, st in walk(folder):
        if not _text_name(rel):
            # A name that is not UTF-8 (Linux names are bytes; Python reads them with lone surrogates) stopped
            # the whole run: the digest encodes every name (red team A, round 4). Removed, with a note.
            if not stat.S_ISDIR(st.st_mode):
                result.refused.append((rel, NOT_TEXT_NAME))
            continue
        if stat.S_ISDIR(st.st_mode):
            if rel == notebook:
                result.problem = f"{notebook} is a folder, not a notebook file: refused"
            continue
        if not stat.S_ISREG(st.st_mode):
            reason = describe(st.st_mode)
            if stat.S_ISLNK(st.st_mode):
                try:
                    reason += f" to {os.readlink(folder / rel)[:160]}"
                except OSError:
                    pass
            if rel == notebook:
                result.problem = f"{notebook} is {reason}, not a regular file: refused"
            result.refused.append((rel, reason))
            continue
        if rel == notebook and st.st_size > MAX_NOTEBOOK_BYTES:
            result.problem = f"{notebook} is {_mb(st.st_size)}, over the {_mb(MAX_NOTEBOOK_BYTES)} limit for a notebook: refused"
        result.files.append(rel)
        total += st.st_size
        if len(result.files) > MAX_FILES and not result.problem:
            result.problem = f"the folder holds more than {MAX_FILES} files: refused"
            break
    if total > MAX_SUBMISSION_BYTES and not result.problem:
        result.problem = f"the folder holds {_mb(total)}, over the {_mb(MAX_SUBMISSION_BYTES)} limit: refused"
    result.files.sort()
    return result


def _text_name(rel: str) -> bool:
    try:
        rel.encode("utf-8")
        return True
    except UnicodeEncodeError:
        return False


def _lmode(path: Path) -> int:
    try:
        return os.lstat(path).st_mode
    except OSError:
        return 0


def drop_refused(folder: Path, refused: list[tuple[str, str]], keep: str) -> list[str]:
    """Remove the refused entries (links, FIFOs, sockets, devices; never a folder, never ``keep``) from the
    submitted copy; one note per entry."""
    notes = []
    for rel, reason in refused:
        if rel == keep:
            continue
        path = folder / rel
        try:
            if not stat.S_ISDIR(os.lstat(path).st_mode):
                os.unlink(path)  # removes the link itself, never what it points to
                notes.append(f"removed {rel!r} from the submission: {reason}"
                             + ("" if reason == NOT_TEXT_NAME else ", not a regular file"))
        except OSError as err:
            notes.append(f"could not remove {rel!r} ({reason}): {err.strerror}")
    return notes


def hash_files(folder: Path, files: list[str], h) -> None:
    """Feed the relative path and the bytes of each regular file to ``h`` (read in chunks, without following
    a link; a file that is no longer a regular file hashes as its reason)."""
    for rel in files:
        h.update(rel.encode() + b"\0")
        try:
            fd, _ = open_regular(folder / rel, MAX_SUBMISSION_BYTES)
        except UnsafeFile as err:
            h.update(f"refused: {err}".encode())
            continue
        try:
            read = 0
            while read <= MAX_SUBMISSION_BYTES:
                chunk = os.read(fd, _CHUNK)
                if not chunk:
                    break
                read += len(chunk)
                h.update(chunk)
        finally:
            os.close(fd)


# Importable code that is not Python source: what a static flag cannot read. A sourceless ``helper.pyc`` next
# to the notebook (``from helper import conv2d_params``) ran a frame walk that answered every test cell's
# request itself: 13/13 with no flag (red team A, round 2), since only ``.py`` files handed in are read for
# flags. Such files are not copied into the sandbox (a NOTE says so); an honest student's stale
# ``__pycache__`` is recompiled from its ``.py`` there.
COMPILED_SUFFIXES = (".pyc", ".pyo", ".so", ".pyd", ".dylib", ".dll", ".sl", ".egg", ".whl")
_COMPILED_MAGIC = {b"\x7fELF": "a native library or program (ELF)", b"\xcf\xfa\xed\xfe": "native code (Mach-O)",
                   b"\xce\xfa\xed\xfe": "native code (Mach-O)", b"\xca\xfe\xba\xbe": "native code (Mach-O)",
                   b"MZ": "native code (Windows)"}


def compiled_code(rel: str, data: bytes) -> str:
    """Why ``rel`` (its bytes ``data``) is code that Python or the loader can run without a source a flag reads
    ("" if it is not): compiled Python (``.pyc``, any name whose bytes start with Python's magic number),
    native libraries (by suffix or by their header), ``__pycache__`` entries, and archives that hold Python or
    compiled code (``zipimport`` imports from a zip without a flag)."""
    import importlib.util

    name = rel.rsplit("/", 1)[-1].lower()
    if "__pycache__" in rel.split("/") or name.endswith(COMPILED_SUFFIXES) or ".so." in name:
        return "compiled code"
    if data[:4] == importlib.util.MAGIC_NUMBER:
        return "compiled Python"
    for magic, what in _COMPILED_MAGIC.items():
        if data.startswith(magic) and (magic != b"MZ" or b"PE\0\0" in data[:1024]):
            return what
    if data[:4] == b"PK\x03\x04":
        import io

        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                names = zf.namelist()
        except (zipfile.BadZipFile, ValueError, OSError):
            return ""
        if any(n.lower().endswith((".py", ".pyw") + COMPILED_SUFFIXES) for n in names):
            return "an archive holding Python or compiled code"
    return ""


# -- make collect -------------------------------------------------------------------------------------
def collect(source: Path, dest: Path, log: Callable[[str], None] = print) -> list[str]:
    """Copy ``source/<student>/<chapter>/...`` into ``dest`` (the submitted directory): regular files only,
    each within its limit, never through a link at either end. Returns the refusals (also logged), one
    line each; the rest is copied."""
    refusals: list[str] = []
    copied = students = 0
    if not real_folder(source):
        raise NotADirectoryError(f"{source} is not a folder")
    dest.mkdir(parents=True, exist_ok=True)
    for rel, st in walk(source):
        parts = rel.split("/")
        if any(p.startswith(".") for p in parts[:2]):
            continue  # .DS_Store, .ipynb_checkpoints of a student folder
        if stat.S_ISDIR(st.st_mode):
            target = dest / rel
            if os.path.lexists(target) and not real_folder(target):
                os.unlink(target)  # a link left in the work area by an earlier `cp -R`
            target.mkdir(exist_ok=True)
            students += len(parts) == 1
            continue
        if len(parts) < 3:
            refusals.append(f"{rel}: not in a <student>/<chapter>/ folder: skipped")
            continue
        limit = MAX_NOTEBOOK_BYTES if rel.endswith(".ipynb") else MAX_EXTRA_FILE_BYTES
        try:
            data = read_regular(source / rel, limit)
        except UnsafeFile as err:
            refusals.append(f"{rel}: {err}: refused")
            continue
        write_new(dest / rel, data)
        copied += 1
    for line in refusals:
        log(f"  REFUSED {line}")
    log(f"collected {copied} files of {students} students into {dest}; refused {len(refusals)}")
    return refusals


# -- make zip-collect ---------------------------------------------------------------------------------
# How `make zip-collect` reads a student id and a notebook from a file name (the collector's pattern, set
# in autograde/nbgrader_config.py from here): "<student_id>_<anything>_<chapter>.ipynb", no "_" in the id.
STUDENT_ID = r"[^_/]+"
NAMED_REGEXP = rf"^.*/(?P<student_id>{STUDENT_ID})_[^/]*?(?P<file_id>\d\d-[a-z0-9-]+\.ipynb)$"
MAX_UPLOAD_BYTES = 64 << 20  # extracted from one student's upload, archives in it included
MAX_RUN_BYTES = 2 << 30  # extracted by one zip-collect run
MAX_ARCHIVE_MEMBERS = 1000  # members of one archive (any level)
MAX_ARCHIVE_DEPTH = 2  # archives in an archive are extracted this many levels deep; deeper ones are refused


def _archive_members(path: Path, limit: int | Callable[[], int]) -> Iterator[tuple[str, bytes | None, str]]:
    """``(member name, bytes or None, reason)`` of a zip or tar archive: bytes for regular members within
    ``limit`` (an int, or a function asked before each member), None with a reason for every other member
    (folders are skipped silently). A member without file-type bits (``zipfile.writestr`` stores permission
    bits only) is a regular file; an explicit link, device, FIFO... is not. At most ``MAX_ARCHIVE_MEMBERS``:
    an archive with more raises ``UnsafeFile`` (a zip before its directory is read)."""
    limit_now = limit if callable(limit) else (lambda: limit)
    if zipfile.is_zipfile(path):
        with open(path, "rb") as raw:
            end = zipfile._EndRecData(raw)  # the end record's entry count, read before the whole directory
        if end and end[zipfile._ECD_ENTRIES_TOTAL] > MAX_ARCHIVE_MEMBERS:
            raise UnsafeFile(f"{end[zipfile._ECD_ENTRIES_TOTAL]} members, over the limit of {MAX_ARCHIVE_MEMBERS}")
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_ARCHIVE_MEMBERS:
                raise UnsafeFile(f"{len(infos)} members, over the limit of {MAX_ARCHIVE_MEMBERS}")
            for info in infos:
                mode = info.external_attr >> 16
                if info.is_dir():
                    continue
                cap = limit_now()
                if stat.S_IFMT(mode) and not stat.S_ISREG(mode):  # permission bits alone (writestr): a file
                    yield info.filename, None, describe(mode)
                elif info.file_size > cap:
                    yield info.filename, None, f"{_mb(info.file_size)}, over the {_mb(cap)} limit"
                else:
                    with zf.open(info) as fh:
                        data = fh.read(cap + 1)
                    yield (info.filename, None, f"over the {_mb(cap)} limit") if len(data) > cap else (info.filename, data, "")
        return
    with tarfile.open(path) as tf:
        for count, info in enumerate(tf, 1):
            if count > MAX_ARCHIVE_MEMBERS:
                raise UnsafeFile(f"more than {MAX_ARCHIVE_MEMBERS} members")
            if info.isdir():
                continue
            cap = limit_now()
            if not info.isreg():
                kind = "a symbolic link" if info.issym() else "a hard link" if info.islnk() else "not a regular file"
                yield info.name, None, kind
            elif info.size > cap:
                yield info.name, None, f"{_mb(info.size)}, over the {_mb(cap)} limit"
            else:
                fh = tf.extractfile(info)
                yield info.name, fh.read(cap + 1) if fh else b"", ""


def _safe_relative(name: str) -> str | None:
    parts = [p for p in name.replace("\\", "/").split("/") if p not in ("", ".")]
    if not parts or name.startswith("/") or any(p == ".." for p in parts):
        return None
    return "/".join(parts)


def _extractor_base():
    try:
        from nbgrader.plugins import ExtractorPlugin
    except ImportError:  # the helpers work without nbgrader; the extractor needs it
        return object
    return ExtractorPlugin


@dataclass
class _Upload:
    """One student's upload: whose it is (None inside an LMS bulk download, until a member names its
    student), the name that says so (duplicates are decided by it), and what it may still extract."""

    student: str | None
    name: str
    left: int


class SafeExtractor(_extractor_base()):
    """nbgrader's zip_collect extractor, for untrusted archives.

    * Members are written as regular files only (links, hard links, devices and FIFOs in an archive are
      skipped with a warning), each within ``MAX_NOTEBOOK_BYTES``, never outside the extraction folder;
      files of the archive folder that are not regular files are skipped too.
    * **Whose file it is comes from the upload**: the name of a file in the archive folder
      (``<student_id>_...``), or, in an LMS bulk download whose name carries no id, the name of the member
      that carries one. Every file inside a student's upload is written under that student's id: a member
      whose name starts with another id (``victim_x_01-one-by-one.ipynb`` in mallory's zip) or with none is
      renamed ``<uploader>_<name>`` with a warning, so a student's archive can only hand in for its student.
    * **Duplicates** (two files that the collector would read as the same student's same notebook, which
      stops nbgrader's whole zip_collect with "Duplicate submission file"): one is kept, the others removed,
      each with a warning. The kept one: from the upload whose name sorts last (LMS names carry the upload
      date), then a member named with the student's id over a renamed one, then the member name sorting last.
    * **Bounds**: an upload extracts at most ``MAX_UPLOAD_BYTES`` (archives in it included), a run at most
      ``MAX_RUN_BYTES``, an archive at most ``MAX_ARCHIVE_MEMBERS`` members, archives in archives
      ``MAX_ARCHIVE_DEPTH`` levels deep; what is over is refused with a warning naming the bound.
    """

    max_upload_bytes = MAX_UPLOAD_BYTES
    max_run_bytes = MAX_RUN_BYTES

    def extract(self, archive_path: str, extracted_path: str) -> None:
        archive, out = Path(archive_path), Path(extracted_path)
        if not real_folder(archive):
            self.log.warning("Not a folder: %s", archive)
            return
        config = getattr(self, "config", None)
        pattern = None
        if config is not None and "FileNameCollectorPlugin" in config:
            pattern = config.FileNameCollectorPlugin.get("named_regexp")
        self._pattern = re.compile(pattern or NAMED_REGEXP)
        self._claims: dict[tuple[str, str], tuple[tuple, Path]] = {}
        self._run_left = self.max_run_bytes
        for rel, st in walk(archive):
            if stat.S_ISDIR(st.st_mode):
                continue
            if not stat.S_ISREG(st.st_mode):
                self.log.warning("Skipped %s: %s, not a regular file", rel, describe(st.st_mode))
                continue
            upload = _Upload(self._student(os.path.basename(rel)), rel, self.max_upload_bytes)
            self._one(archive / rel, out / os.path.dirname(rel), rel, 0, upload, rel)

    @staticmethod
    def _student(name: str) -> str | None:
        match = re.match(rf"({STUDENT_ID})_", name)
        return match.group(1) if match else None

    def _is_archive(self, name: str) -> bool:
        return os.path.splitext(name)[1] in self.zip_ext

    def _left(self, upload: _Upload) -> int:
        # an LMS bulk download (no student of its own) holds many students' uploads: only the run bounds it
        return max(0, self._run_left if upload.student is None else min(upload.left, self._run_left))

    def _charge(self, upload: _Upload, size: int) -> None:
        if upload.student is not None:
            upload.left -= size
        self._run_left -= size

    def _bound(self, upload: _Upload) -> str:
        return (f"the run's {_mb(self.max_run_bytes)}" if upload.student is None or self._run_left <= upload.left
                else f"the upload's {_mb(self.max_upload_bytes)}")

    def _one(self, path: Path, folder: Path, shown: str, depth: int, upload: _Upload, member: str) -> None:
        if not self._is_archive(path.name):
            limit = min(MAX_NOTEBOOK_BYTES, self._left(upload))
            try:
                data = read_regular(path, limit)
            except UnsafeFile as err:
                more = f" (what is left of {self._bound(upload)} extraction limit)" if limit < MAX_NOTEBOOK_BYTES else ""
                self.log.warning("Skipped %s: %s%s", shown, err, more)
                return
            self._charge(upload, len(data))
            self._write(folder, path.name, data, shown, upload, member, own=True)
            return
        stem = path.name[: -len(".tar.gz")] if path.name.endswith(".tar.gz") else os.path.splitext(path.name)[0]
        target = folder / stem
        if depth == 0 and upload.student is not None:  # an LMS bulk download is bounded by the run only
            try:
                size = os.lstat(path).st_size
            except OSError:
                size = 0
            if size > self.max_upload_bytes:
                self.log.warning("Skipped %s: an archive of %s, over the %s limit of an upload", shown, _mb(size),
                                 _mb(self.max_upload_bytes))
                return
        if upload.student is None and depth > 0:
            self.log.info("Extracting from: %s (an LMS download: ids come from its members' names)", shown)
        else:
            self.log.info("Extracting from: %s", shown)
        try:
            # one member in memory at a time, each read within what the upload and the run may still extract
            for name, data, reason in _archive_members(path, lambda: min(MAX_NOTEBOOK_BYTES, self._left(upload))):
                if data is None and self._left(upload) < MAX_NOTEBOOK_BYTES and "limit" in reason:
                    self.log.warning("Skipped %s in %s and the rest of it: %s; over %s extraction limit", name, shown,
                                     reason, self._bound(upload))
                    return
                if data is not None:
                    self._charge(upload, len(data))
                self._member(name, data, reason, target, shown, depth, upload)
        except UnsafeFile as err:
            self.log.warning("Skipped %s: an archive of %s", shown, err)
        except (zipfile.BadZipFile, tarfile.TarError, OSError, EOFError, RuntimeError) as err:
            self.log.warning("Skipped the rest of %s: not a readable archive (%s)", shown, err)

    def _member(self, name: str, data: bytes | None, reason: str, target: Path, shown: str, depth: int,
                upload: _Upload) -> None:
        rel = _safe_relative(name)
        if rel is None:
            self.log.warning("Skipped %s in %s: a path outside the archive's folder", name, shown)
            return
        if data is None or len(data) > MAX_NOTEBOOK_BYTES:
            self.log.warning("Skipped %s in %s: %s", name, shown, reason or "over the size limit")
            return
        dest = target / rel
        if any(os.path.lexists(p) and not real_folder(p) for p in [*dest.parents][: len(rel.split("/"))]):
            self.log.warning("Skipped %s in %s: its folder is not a folder", name, shown)
            return
        if upload.student is None:  # a member of an LMS bulk download: an upload of its own if it names its student
            student = self._student(dest.name)
            if student is not None:
                upload = _Upload(student, f"{upload.name}/{rel}", self.max_upload_bytes)
        if self._is_archive(dest.name):
            if depth + 1 > MAX_ARCHIVE_DEPTH:
                self.log.warning("Skipped %s in %s: an archive %d levels deep (at most %d)", name, shown, depth + 2,
                                 MAX_ARCHIVE_DEPTH + 1)
                return
            with tempfile.TemporaryDirectory() as tmp:  # an archive in the archive: extracted, not kept
                inner = Path(tmp) / dest.name
                inner.write_bytes(data)
                self._one(inner, dest.parent, f"{shown}/{rel}", depth + 1, upload, rel)
            return
        self._write(dest.parent, dest.name, data, f"{shown}/{rel}", upload, rel, own=upload.student is None)

    def _write(self, folder: Path, name: str, data: bytes, shown: str, upload: _Upload, member: str, own: bool) -> None:
        if not own:  # a file of a student's upload is that student's, whatever its name says
            match = self._pattern.match(f"/{name}")
            claimed = match.groupdict().get("student_id") if match else None
            own = match is not None and claimed == upload.student
            renamed = f"{upload.student}_{name}"
            if not own and (match or self._pattern.match(f"/{renamed}")):  # a file the collector would read
                why = f"it names student {claimed!r}" if claimed else "its name carries no student id"
                self.log.warning("Renamed %s to %s: %s, but it is in %s's upload %s", shown, renamed, why,
                                 upload.student, upload.name)
                name = renamed
        folder.mkdir(parents=True, exist_ok=True)
        dest = folder / name
        match = self._pattern.match(str(dest))
        if upload.student is not None and match and "student_id" in match.groupdict() and "file_id" in match.groupdict():
            key = (match.group("student_id"), match.group("file_id"))
            rank = (upload.name, own, member)
            if key in self._claims:
                old_rank, old_dest = self._claims[key]
                if rank <= old_rank:
                    self.log.warning("Skipped %s: a second %s for student %s; kept %s (see SafeExtractor for the "
                                     "rule)", shown, key[1], key[0], old_rank[0] + "/" + old_rank[2])
                    return
                self.log.warning("Replaced %s by %s: a second %s for student %s (see SafeExtractor for the rule)",
                                 old_rank[0] + "/" + old_rank[2], shown, key[1], key[0])
                if os.path.lexists(old_dest):
                    os.unlink(old_dest)
            self._claims[key] = (rank, dest)
        write_new(dest, data)
