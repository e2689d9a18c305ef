"""A grading worker: imports the frameworks once, then runs each submission in a fresh forked child.

Run as ``python -m cnngrade.worker`` (the engine starts it, inside the sandbox when one is available)
and spoken to over stdin/stdout with length-prefixed JSON messages (``send`` / ``receive``):

    engine -> worker  {"id", "nonce", "notebook", "files", "kinds", "timeout", "cpu_seconds", "memory_mb"}
    worker -> engine  {"id", "nonce", "status": "ok" | "failed", "reason", "notebook", "flags", "seconds"}

Why fork: importing PyTorch and TensorFlow takes most of the time of a small notebook. The worker pays
it once; every submission then runs in a child forked from that warm process, so nothing a student
defines, patches or leaks survives into the next one (the child exits; its memory is gone). The rule
that keeps forking safe: the worker only *imports* (no tensor op, no thread pool, no Keras model, no
kernel) before it forks; everything that starts threads (the IPython kernel's I/O thread, PyTorch's and
TensorFlow's thread pools) starts in the child. ``tests/test_engine.py`` checks that children compute
what a fresh interpreter computes, seed for seed, in PyTorch and Keras.

The child runs the notebook's cells in an in-process IPython kernel (ipykernel's own, so outputs,
tracebacks and displayed values are the messages a Jupyter kernel sends), captures what C code writes
to file descriptors 1 and 2 (as a real kernel does), stops a cell after ``timeout`` seconds with
KeyboardInterrupt (what nbgrader's interrupt gives), limits CPU time and memory with rlimits, and
restores what test cells rely on before each test cell (``cnngrade.guard``).
"""
from __future__ import annotations

import base64
import json
import os
import resource
import select
import signal
import struct
import sys
import tempfile
import time
import traceback

PRELOAD = ("numpy", "matplotlib", "torch", "torch.nn", "torch.nn.functional", "tensorflow", "keras",
           "torchinfo", "sklearn.datasets", "tqdm", "cnnblocks", "cnnblocks.checks", "cnnblocks.counting",
           "cnnblocks.plotting", "cnnblocks.data", "IPython", "ipykernel.inprocess.manager", "nbformat",
           "matplotlib.pyplot", "matplotlib_inline.backend_inline", "ipykernel.ipkernel", "ipykernel.debugger",
           "ipykernel.inprocess.ipkernel", "ipykernel.zmqshell", "jupyter_client.session",
           # imported lazily on first use in every child (measured): torch._dynamo alone costs about 1.5 s
           # the first time a torch function wrapped by torch._compile runs (seeding, nn.Module calls)
           "torch._dynamo", "torch.utils._device", "myst_nb", "tornado.platform.asyncio",
           "IPython.core.magics.execution", "IPython.core.completerlib", "IPython.core.application",
           "IPython.core.oinspect", "IPython.core.magic_arguments", "IPython.utils.module_paths")
GRACE_SECONDS = 10  # after a cell's time limit, how long the child may take to report the interrupt


# -- framing ------------------------------------------------------------------------------------------
def send(fd: int, message: dict) -> None:
    data = json.dumps(message).encode()
    view = memoryview(struct.pack(">Q", len(data)) + data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _read_exact(fd: int, n: int) -> bytes:
    chunks, left = [], n
    while left:
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            raise EOFError("pipe closed")
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def receive(fd: int) -> dict:
    (length,) = struct.unpack(">Q", _read_exact(fd, 8))
    return json.loads(_read_exact(fd, length))


# -- warm-up ------------------------------------------------------------------------------------------
def warm_up() -> None:
    """Import what notebooks import, and nothing more (see the module docstring: no ops before fork)."""
    os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    from cnnblocks.env import quiet_tensorflow

    quiet_tensorflow()
    import importlib

    for name in PRELOAD:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - a missing optional module is imported by the notebook, or fails there
            pass
    import matplotlib.font_manager  # noqa: F401  builds the font cache once, not in every child
    import gc

    remember_module_scans()

    # Move everything imported so far out of the garbage collector's reach: a child's collections then
    # scan only its own objects instead of the frameworks' millions (seconds per submission), and do not
    # touch, hence copy, the pages it shares with the worker (Python's documented pre-fork pattern).
    gc.collect()
    gc.freeze()


def remember_module_scans() -> None:
    """Make ``inspect.getmodule`` answer "no module" without scanning ``sys.modules`` again when no module
    was loaded since its last scan; the answers are the ones it gives without this.

    IPython asks ``getmodule`` about every frame of a traceback, about 16 times per failing cell. For a
    frame of a notebook cell there is no module, and ``getmodule`` finds that out with a Python loop over
    every loaded module (about 6,000 with PyTorch and TensorFlow): 0.1 s per failing cell, most of what a
    wrong submission costs to grade. A scan files every loaded module under its file name in
    ``inspect.modulesbyfile``, so until ``sys.modules`` holds a different number of modules, a file that
    is not there belongs to no module (what this does not see: a loaded module's ``__file__`` edited in
    place, or a module swapped for another with the same count). The worker calls this before it forks
    and scans once, so that every child starts with the scan done.
    """
    import inspect

    original = inspect.getmodule
    if getattr(original, "remembers_scans", False):
        return
    scanned = {"modules": -1}  # len(sys.modules) at the last full scan

    def getmodule(object, _filename=None):  # noqa: A002 - inspect's own signature
        if inspect.ismodule(object) or hasattr(object, "__module__") or hasattr(object, "__name__"):
            return original(object, _filename)  # answered without a scan, or by names after one
        try:
            file = inspect.getabsfile(object, _filename)
        except (TypeError, FileNotFoundError):
            return None
        if file in inspect.modulesbyfile or (_filename is not None and _filename in inspect.modulesbyfile):
            return original(object, _filename)
        count = len(sys.modules)
        if scanned["modules"] == count:
            return None  # what the scan would conclude: no module has this file, and nothing is new
        result = original(object, _filename)  # scans sys.modules
        scanned["modules"] = count
        return result

    getmodule.__doc__ = original.__doc__
    getmodule.__wrapped__ = original
    getmodule.remembers_scans = True
    inspect.getmodule = getmodule
    inspect.getmodule(compile("", "<cnngrade warm-up>", "exec"))  # the first scan


# -- the child ----------------------------------------------------------------------------------------
def _on_alarm(signum, frame):
    raise KeyboardInterrupt("cell time limit")


def _limit_resources(cpu_seconds: int, memory_mb: int) -> None:
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 5))
    if memory_mb:
        with open("/proc/self/status") as fh:
            vm = next(int(line.split()[1]) for line in fh if line.startswith("VmSize:"))  # kB
        limit = vm * 1024 + memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    resource.setrlimit(resource.RLIMIT_FSIZE, (512 << 20, 512 << 20))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _collect_outputs(kc) -> list:
    from nbformat.v4 import output_from_msg

    outputs = []
    while True:
        try:
            msg = kc.get_iopub_msg(timeout=0)
        except Exception:  # noqa: BLE001 - queue.Empty
            return outputs
        kind = msg["msg_type"]
        if kind in ("status", "execute_input", "comm_open", "comm_msg", "comm_close", "update_display_data"):
            continue
        if kind == "clear_output":
            outputs.clear()
            continue
        try:
            outputs.append(output_from_msg(msg))
        except ValueError:
            continue


def _fd_streams(paths: dict[str, str]) -> list:
    from nbformat.v4 import new_output

    found = []
    for name, path in paths.items():
        with open(path, "rb") as fh:
            text = fh.read().decode("utf-8", "replace")
        if text:
            found.append(new_output("stream", name=name, text=text))
        os.truncate(path, 0)
    return found


AUDITED = {
    "sqlite3.connect": "opened a database",
    "socket.connect": "opened a network connection",
    "subprocess.Popen": "started a program",
    "os.system": "ran a shell command",
    "os.exec": "replaced the process",
    "os.kill": "sent a signal",
    "ctypes.dlopen": "loaded a C library",
    "sys.settrace": "installed a trace hook",
}


def install_audit_hook(workdir: str, record: list) -> None:
    """Record what the notebook's code does outside its working folder (a flag for the instructor).

    Reads anywhere in the Python installation, the packages, the system folders and the frameworks'
    caches are normal; a file or folder elsewhere (the course, the instructor's home) is recorded, as
    are databases, connections, programs and signals. The sandbox decides what succeeds; this records
    what was tried. Audit hooks cannot be removed once added.
    """
    home = os.path.expanduser("~")
    allowed = tuple({workdir, sys.prefix, sys.base_prefix, sys.exec_prefix, "/usr", "/lib", "/etc", "/proc",
                     "/sys", "/dev", "/opt", "/var/cache/fontconfig",
                     *(os.path.join(home, d) for d in (".keras", ".cache", ".config", ".ipython", ".local",
                                                       ".matplotlib")),
                     *(p for p in sys.path if p and os.path.isdir(p))})
    seen: set = set()

    def hook(event: str, args: tuple) -> None:
        detail = ""
        if event in ("open", "os.listdir", "os.scandir") and args and isinstance(args[0], (str, bytes)):
            path = os.fsdecode(args[0])
            full = path if os.path.isabs(path) else os.path.normpath(os.path.join(os.getcwd(), path))
            if not full.startswith(allowed) and not full.startswith(tempfile.gettempdir()):
                detail = f"{'read' if event == 'open' else 'listed'} {full}"
        elif event in AUDITED:
            detail = f"{AUDITED[event]} ({event})"
        if detail and detail not in seen and len(seen) < 20:
            seen.add(detail)
            record.append(detail)

    sys.addaudithook(hook)


def run_child(job: dict, result_fd: int) -> None:
    """Execute the job's notebook in this (forked) process and send the result on ``result_fd``."""
    import nbformat

    from . import guard

    started = time.perf_counter()
    workdir = tempfile.mkdtemp(prefix="submission-")
    os.chdir(workdir)
    os.environ["TMPDIR"] = workdir
    for name, data in job.get("files", {}).items():
        target = os.path.join(workdir, name)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as fh:
            fh.write(base64.b64decode(data))
    captured = {"stdout": os.path.join(workdir, ".fd1"), "stderr": os.path.join(workdir, ".fd2")}
    for fd, path in ((1, captured["stdout"]), (2, captured["stderr"])):
        out = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(out, fd)
        os.close(out)
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    _limit_resources(job["cpu_seconds"], job["memory_mb"])
    audited: list[str] = []

    from ipykernel.inprocess.manager import InProcessKernelManager

    km = InProcessKernelManager()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    shell = km.kernel.shell
    shell.enable_matplotlib("inline")
    nb = nbformat.reads(json.dumps(job["notebook"]), as_version=4)
    kinds = job["kinds"]
    runtime = guard.RuntimeGuard(shell)
    flags: list[guard.Flag] = []
    setup_names: set[str] = set()
    test_reads: set[str] = set()
    for cell, kind in zip(nb.cells, kinds):
        if kind == "test":
            test_reads |= guard.read_names(cell.source)
    snapshotted = False
    audit_installed = False
    timings: list[tuple[int, float]] = [(-1, round(time.perf_counter() - started, 3))]  # kernel start-up
    signal.signal(signal.SIGALRM, _on_alarm)

    for index, (cell, kind) in enumerate(zip(nb.cells, kinds)):
        if cell.cell_type != "code":
            continue
        if kind == "skip":
            cell.outputs, cell.execution_count = [], None
            continue
        if kind == "student" and not audit_installed:
            install_audit_hook(workdir, audited)  # from the first cell the student wrote
            audit_installed = True
        if kind in ("student", "test") and not snapshotted:
            protected = setup_names & test_reads
            runtime.snapshot(protected)
            modules = {n for n in protected if type(shell.user_ns.get(n)).__name__ == "module"}
            for c, k in zip(nb.cells, kinds):
                if k == "student" and c.cell_type == "code":
                    flags += guard.static_flags(c.source, c.metadata.get("nbgrader", {}).get("grade_id", f"cell {nb.cells.index(c)}"),
                                                protected, modules)
            snapshotted = True
        if kind == "test":
            runtime.check_and_restore(cell.metadata.get("nbgrader", {}).get("grade_id", ""))
        send(result_fd, {"progress": index})
        cell_start = time.perf_counter()
        signal.setitimer(signal.ITIMER_REAL, job["timeout"])
        try:
            kc.execute(cell.source, allow_stdin=False, store_history=True)
            signal.setitimer(signal.ITIMER_REAL, 0)
            reply = kc.get_shell_msg(timeout=5)["content"]
        except KeyboardInterrupt:
            # The alarm landed in the kernel's machinery rather than in the cell: record it as nbgrader's
            # interrupted cell would look, and go on with a kernel that may have lost the cell's state.
            signal.setitimer(signal.ITIMER_REAL, 0)
            reply = {"status": "error", "ename": "KeyboardInterrupt", "evalue": "", "traceback": []}
        sys.stdout.flush()
        sys.stderr.flush()
        outputs = _collect_outputs(kc) + _fd_streams(captured)
        if reply.get("status") == "error" and not any(
            o.output_type == "error" and o.ename == reply.get("ename") for o in outputs
        ):  # nbgrader's Execute.on_cell_executed does the same
            outputs.append(nbformat.v4.new_output("error", ename=reply.get("ename", "Error"),
                                                  evalue=reply.get("evalue", ""),
                                                  traceback=reply.get("traceback") or ["ERROR: An error occurred while showtraceback was disabled"]))
        cell.outputs = outputs
        cell.execution_count = reply.get("execution_count")
        if kind == "test":  # what student code changed while the test ran (guard.RuntimeGuard's docstring)
            runtime.check_and_restore(cell.metadata.get("nbgrader", {}).get("grade_id", ""), when="after", rebinds=guard.bound_names(cell.source))
        timings.append((index, round(time.perf_counter() - cell_start, 3)))
        if kind == "setup":
            setup_names |= guard.bound_names(cell.source)
            if snapshotted:
                runtime.user.update({n: shell.user_ns[n] for n in guard.bound_names(cell.source) & test_reads if n in shell.user_ns})
    flags += runtime.flags
    flags += [guard.Flag("audit", detail) for detail in audited]
    send(result_fd, {"done": True, "notebook": json.loads(nbformat.writes(nb)),
                     "flags": [{"kind": f.kind, "detail": f.detail, "cell": f.cell} for f in flags],
                     "timings": timings})


# -- the worker loop ----------------------------------------------------------------------------------
def _kill_group(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def _describe_exit(status: int) -> str:
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        name = signal.Signals(sig).name
        extra = {"SIGXCPU": " (CPU time limit)", "SIGKILL": " (killed: time or memory limit)",
                 "SIGSEGV": " (segmentation fault)"}.get(name, "")
        return f"killed by {name}{extra}"
    return f"exited with code {os.WEXITSTATUS(status)}"


def grade_job(job: dict) -> dict:
    """Fork a child for the job, watch it, and return the result message (never raises)."""
    started = time.perf_counter()
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # child
        try:
            os.setpgid(0, 0)
            os.close(read_fd)
            for fd in (3, 4, 5, 6, 7, 8, 9):  # anything inherited besides our pipe (the engine's channel)
                if fd != write_fd:
                    try:
                        os.close(fd)
                    except OSError:
                        pass
            os.closerange(max(write_fd + 1, 10), 4096)
            run_child(job, write_fd)
            code = 0
        except BaseException:  # noqa: BLE001 - report, never fall back into the worker's loop
            try:
                send(write_fd, {"done": False, "reason": traceback.format_exc(limit=3)[-800:]})
            except Exception:  # noqa: BLE001
                pass
            code = 70
        os._exit(code)
    os.close(write_fd)
    current, result = None, None
    cell_started = time.perf_counter()
    limit = job["timeout"] + GRACE_SECONDS
    buffer = b""
    reason = ""
    try:
        while True:
            wait = max(0.0, limit - (time.perf_counter() - cell_started))
            ready, _, _ = select.select([read_fd], [], [], wait)
            if not ready:
                reason = f"cell {current} did not stop within {job['timeout']} s + {GRACE_SECONDS} s after its time limit"
                _kill_group(pid)
                break
            chunk = os.read(read_fd, 1 << 20)
            if not chunk:
                break
            buffer += chunk
            while len(buffer) >= 8:
                (length,) = struct.unpack(">Q", buffer[:8])
                if len(buffer) < 8 + length:
                    break
                message = json.loads(buffer[8 : 8 + length])
                buffer = buffer[8 + length :]
                if "progress" in message:
                    current, cell_started = message["progress"], time.perf_counter()
                elif message.get("done"):
                    result = message
                else:
                    reason = message.get("reason", "the child failed")
    finally:
        os.close(read_fd)
        _, status = os.waitpid(pid, 0)
        _kill_group(pid)
    seconds = time.perf_counter() - started
    if result is not None:
        return {"id": job["id"], "nonce": job["nonce"], "status": "ok", "notebook": result["notebook"],
                "flags": result["flags"], "seconds": seconds, "reason": "", "timings": result.get("timings", [])}
    if not reason:
        reason = f"the notebook's process {_describe_exit(status)} while running cell {current}"
    return {"id": job["id"], "nonce": job["nonce"], "status": "failed", "reason": reason, "notebook": None,
            "flags": [], "seconds": seconds}


def _empty(folder: str) -> None:
    """Remove everything in ``folder`` except the read-only binds of the Python installation and the course's
    packages (``sandbox.command``), without walking into them: when they sit under the private /tmp or home
    (Python under ~/.pyenv, a course cloned under /tmp or the home), ``shutil.rmtree`` tried to delete every
    file of them after each submission (measured: 0.4 to 0.7 s per submission). A folder the submission made
    read-only is made writable again and emptied: only a read-only file system is left alone."""
    try:
        with os.scandir(folder) as found:
            entries = list(found)
    except OSError:
        return
    for entry in entries:
        if not entry.is_dir(follow_symlinks=False):
            _quietly(os.remove, entry.path)
        elif not _read_only(entry.path):  # a bind of the installation: left alone
            _quietly(os.chmod, entry.path, 0o700)
            _empty(entry.path)
            _quietly(os.rmdir, entry.path)  # a folder that holds a bind stays, empty otherwise


def _read_only(path: str) -> bool:
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def _quietly(action, *args) -> None:
    try:
        action(*args)
    except OSError:
        pass


def _clean_sandbox(keep: dict[str, bytes]) -> None:
    """Inside the sandbox only: empty the private /tmp and home, kill leftovers, restore warm caches."""
    me = os.getpid()
    for entry in os.listdir("/proc"):
        if entry.isdigit() and int(entry) not in (1, me):
            try:
                os.kill(int(entry), signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
    for folder in ("/tmp", os.path.expanduser("~")):
        _empty(folder)
    for path, data in keep.items():
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as fh:
            fh.write(data)


def _warm_files() -> dict[str, bytes]:
    """Files the warm-up wrote in the private home that children should find again (font cache)."""
    keep = {}
    home = os.path.expanduser("~")
    for root, dirs, files in os.walk(home):
        dirs[:] = [d for d in dirs if os.access(os.path.join(root, d), os.W_OK)]
        for name in files:
            path = os.path.join(root, name)
            if os.path.getsize(path) < (8 << 20):
                with open(path, "rb") as fh:
                    keep[path] = fh.read()
    return keep


def main() -> int:
    channel_in, channel_out = os.dup(0), os.dup(1)
    null = os.open(os.devnull, os.O_RDWR)
    os.dup2(null, 0)
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)  # stray prints must not corrupt the channel
    sandboxed = os.environ.get("CNNGRADE_SANDBOXED") == "1"
    threads = os.environ.get("CNNGRADE_THREADS")
    if threads:
        for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS", "TF_NUM_INTRAOP_THREADS"):
            os.environ[var] = threads
    warm_up()
    keep = _warm_files() if sandboxed else {}
    send(channel_out, {"ready": True, "pid": os.getpid(), "sandboxed": sandboxed})
    while True:
        try:
            job = receive(channel_in)
        except EOFError:
            return 0
        if job.get("stop"):
            return 0
        result = grade_job(job)
        if sandboxed:
            _clean_sandbox(keep)
        send(channel_out, result)


if __name__ == "__main__":
    sys.exit(main())
