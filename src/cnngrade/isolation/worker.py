"""A grading worker: imports the frameworks once, then runs each submission's cells in a fresh child.

Run as ``python -m cnngrade.run_worker`` (the engine starts it, inside the sandbox when one is available)
and spoken to over stdin/stdout with length-prefixed JSON messages (``send`` / ``Reader``):

    engine -> worker  {"id", "nonce", "notebook", "files", "kinds", "timeout", "wall_seconds", "cpu_seconds",
                       "memory_mb"}
    worker -> engine  {"id", "nonce", "status": "ok" | "failed", "reason", "notebook", "flags", "seconds",
                       "timings", "retire"}

Why fork: importing PyTorch and TensorFlow takes most of the time of a small notebook. The worker pays
it once; every submission then runs in a child forked from a warm process, so nothing a student
defines, patches or leaks survives into the next one (the child exits; its memory is gone). The rule
that keeps forking safe: the warm process only *imports* (no tensor op, no thread pool, no Keras
model, no kernel) before it forks; everything that starts threads (the IPython kernel's I/O thread,
PyTorch's and TensorFlow's thread pools) starts in the child. ``tests/test_engine.py`` checks that
children compute what a fresh interpreter computes, seed for seed, in PyTorch and Keras.

**The trust boundary.** Student code runs in the child, so the child holds nothing the grade is decided
with. Three processes take part (all non-dumpable: ``PR_SET_DUMPABLE`` 0, inherited across ``fork``, so
no process of the sandbox can ptrace another, open its ``/proc/<pid>/mem`` or ``/proc/<pid>/fd``, or
use ``process_vm_writev`` on it; the child adds a seccomp filter, ``seccomp_filter``):

* the **worker** runs the grading loop: it holds the job (which cells are tests, hidden tests included,
  the time limits), sends the child one cell at a time on a request pipe, reads that cell's reply on a
  reply pipe (``Reader``: a size cap, a linear buffer, a deadline; the reply must carry the cell's
  random token, or the submission fails), measures timings, interrupts a cell past its limit from
  outside (SIGINT, nbgrader's interrupt; SIGKILL after ``GRACE_SECONDS``), enforces a wall-clock limit
  per submission that nothing the child sends can extend, computes the static flags (``guard.static_flags``,
  pure AST) and assembles the executed notebook;
* the **fork server**, forked from the warm worker before the worker read any job, forks the children:
  so a child's memory holds no job, no hidden test and no earlier student's notebook (not even in
  freed memory), only the frameworks;
* the **child** (``serve_cells``) starts the in-process IPython kernel (ipykernel's own, so outputs,
  tracebacks and displayed values are the messages a Jupyter kernel sends), captures what C code writes
  to file descriptors 1 and 2 (as a real kernel does), limits CPU time and memory with rlimits, cuts a
  cell's output beyond ``STREAM_CHARS`` with a note, and runs the runtime guard (``cnngrade.isolation.guard``)
  before and after each test cell. Test cells run without entering the history (``forget_test_cell``).

The child's code paths are out of reach of the obvious handles: the worker runs as
``python -m cnngrade.run_worker`` (so no function of the grading loop is a global of ``__main__``, which
a student reached through ``inspect.getmodule.__globals__``), ``inspect.getmodule``'s wrapper has globals
of its own, and ``serve_cells`` runs as a private copy (``_private_copy``) whose functions look nothing up
in a module that student code can import and patch. The worker trusts nothing in a reply but its shape:
it checks every field by type and size (``_malformed``), numbers the cells itself, writes each request
non-blocking under the cell's deadline (``send_within``: a child that stops reading its requests fails
at the cell's limit) and reads each reply under it (``Reader``). The seccomp filter also denies the
system calls that act on another process by pid (``_PID_SYSCALLS``: signals, ``prlimit``, priorities,
scheduling) when that pid is the worker's, the fork server's or PID 1, and the worker checks before and
after each job that its fork server is alive, not stopped and has its resource limits
(``fork_server_problem``); a job whose worker died is graded again, once, by a fresh worker (the engine's
``LocalPool``).

What student code in the child can still do, by construction of an in-process kernel: anything to its
own process. It can still reach the copy the child runs through the interpreter's introspection (the
frames of ``serve_cells`` from ``sys._getframe`` or a traceback: their ``f_globals`` is the copy's
namespace, their locals the kernel and the reply being built; ``gc.get_objects``), patch the shared code
the copy calls (``json``'s encoder classes, ``nbformat``, ``ipykernel``, ``cnngrade.isolation.guard``), write memory
with ``ctypes``, or answer a test cell's request itself (a thread that reads the token from the main
thread's frame and writes a reply before the kernel does; the worker then gets two replies for one
request and fails the submission, unless the forger also stops the real reply). Any of these is an
in-process forgery of the cell's outputs: what the child reports about a test cell is as trustworthy as
the child. Closing that needs the test cells' verdict to come from a process the student's code never
ran in. The sandbox keeps such a child away from the worker, the fork server, other students and the
course's files.

Not done: a different user per submission. Inside the sandbox every process is ``nobody``; giving each
child its own uid needs a user namespace that maps a range of uids (``newuidmap`` and an
``/etc/subuid`` range for the grading account, or root) and ``CAP_SETUID`` in the fork server, which
an unprivileged bubblewrap does not give. Non-dumpable processes plus the seccomp filter already deny
what a second uid would (ptrace, ``/proc/<pid>/mem`` and ``fd``, ``process_vm_*``); a second uid would also deny
signals and ``prlimit`` to the grader's processes without listing system calls (the seccomp filter's
``_PID_SYSCALLS`` does it by pid now; a call the list misses is what a uid would still catch).
"""
from __future__ import annotations

import base64
import ctypes
import ctypes.util
import json
import os
import platform
import resource
import secrets
import select
import signal
import socket
import struct
import sys
import tempfile
import time
import traceback
import types

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
STARTUP_SECONDS = 60  # a child's kernel start-up, in the wall-clock limit of a submission
STREAM_CHARS = 2_000_000  # stdout or stderr text kept per cell; the rest is cut, with a note
REPLY_BYTES = 32 << 20  # the largest reply the worker reads for one cell (images included)
SUBMISSION_BYTES = 96 << 20  # all the replies of one submission
MAX_PROCESSES = 256  # processes in the sandbox (the worker's two included) before a submission fails as a fork bomb
MAX_TASKS = 4096  # tasks (threads included) of the sandbox's user: RLIMIT_NPROC, where the kernel enforces it
WATCH_SECONDS = 0.2  # how often the worker counts the sandbox's processes while a cell runs
RESULT_BYTES = 256 << 20  # the largest result the engine reads from a worker


class ChannelError(Exception):
    """A message that is too large, malformed, late or not the one expected: the sender is not trusted."""


# -- framing ------------------------------------------------------------------------------------------
def send(fd: int, message: dict) -> int:
    """Write one message; returns its size in bytes (frame included)."""
    data = json.dumps(message).encode()
    view = memoryview(struct.pack(">Q", len(data)) + data)
    size = len(view)
    while view:
        written = os.write(fd, view)
        view = view[written:]
    return size


def send_within(fd: int, message: dict, deadline: float) -> None:
    """``send`` to a reader that is not trusted: ``fd`` must be non-blocking; a reader that stops reading
    (it may have shrunk the pipe to a page) raises ``TimeoutError`` at ``deadline`` instead of holding the
    writer in ``write()`` for ever."""
    data = json.dumps(message).encode()
    view = memoryview(struct.pack(">Q", len(data)) + data)
    while view:
        wait = deadline - time.monotonic()
        if wait <= 0 or not select.select([], [fd], [], wait)[1]:
            raise TimeoutError
        try:
            written = os.write(fd, view)
        except BlockingIOError:
            continue
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
    """One message from a trusted sender (the engine to its worker, the worker to its child)."""
    (length,) = struct.unpack(">Q", _read_exact(fd, 8))
    return json.loads(_read_exact(fd, length))


class Reader:
    """Messages from a sender that is not trusted (a child that runs student code, a worker it may have
    reached): each read has a size cap and a deadline, and the buffer grows linearly (a ``bytearray``),
    so a flood costs time proportional to its size, bounded by the cap, never a quadratic copy."""

    def __init__(self, fd: int):
        self.fd = fd
        self.buffer = bytearray()
        self.last_size = 0

    def _fill(self, size: int, deadline: float) -> None:
        while len(self.buffer) < size:
            wait = deadline - time.monotonic()
            if wait <= 0 or not select.select([self.fd], [], [], wait)[0]:
                raise TimeoutError
            chunk = os.read(self.fd, min(1 << 20, max(size - len(self.buffer), 1 << 16)))
            if not chunk:
                raise EOFError("pipe closed")
            self.buffer += chunk

    def read(self, cap: int, deadline: float) -> dict:
        """The next message (raises ``TimeoutError``, ``EOFError`` or ``ChannelError``)."""
        self._fill(8, deadline)
        (length,) = struct.unpack(">Q", self.buffer[:8])
        if length > cap:
            raise ChannelError(f"a message of {length / 1e6:.1f} MB (limit {cap / 1e6:.0f} MB)")
        self._fill(8 + length, deadline)
        data = bytes(self.buffer[8 : 8 + length])
        del self.buffer[: 8 + length]
        self.last_size = 8 + length
        try:
            message = json.loads(data)
        except ValueError as err:
            raise ChannelError(f"a malformed message ({err})") from None
        if not isinstance(message, dict):
            raise ChannelError("a malformed message (not an object)")
        return message


def wall_seconds(job: dict) -> float:
    """The wall-clock limit of a whole submission: every cell that runs may use its time limit and the
    grace after it, plus the kernel's start-up, capped at ``max(1800, 6 * timeout)`` s of cells so that
    the cells a student adds cannot hold a worker for hours (1000 added cells of ``sleep(299)`` would be
    87 h). A notebook nbgrader would grade stays within it."""
    if job.get("wall_seconds"):
        return float(job["wall_seconds"])
    cells = sum(k not in ("skip", "markdown") for k in job["kinds"])
    return STARTUP_SECONDS + min(cells * (job["timeout"] + GRACE_SECONDS), max(1800, 6 * job["timeout"]))


# -- process hardening ----------------------------------------------------------------------------------
PR_SET_DUMPABLE, PR_GET_DUMPABLE, PR_SET_NO_NEW_PRIVS, PR_SET_SECCOMP = 4, 3, 38, 22


def _prctl(option: int, arg: int = 0, arg2=0) -> int:
    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    libc.prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong]
    result = libc.prctl(option, arg, arg2, 0, 0)
    if result < 0:
        raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()))
    return result


def not_dumpable() -> bool:
    """Make this process (and every process it forks: the flag is inherited by ``fork``, reset only by
    ``execve``) non-dumpable: processes of the same user can no longer ptrace it, open its
    ``/proc/<pid>/mem``, ``/proc/<pid>/fd`` or ``environ``, or read and write its memory with
    ``process_vm_readv`` / ``process_vm_writev`` (they would need ``CAP_SYS_PTRACE``, which nothing in
    the sandbox has). False where ``prctl`` is missing (not Linux)."""
    if not sys.platform.startswith("linux"):
        return False
    _prctl(PR_SET_DUMPABLE, 0)
    return _prctl(PR_GET_DUMPABLE) == 0


# x86_64 and aarch64 system call numbers of what a child must not call: reading or writing another
# process (ptrace, process_vm_*, pidfd_getfd: another process's descriptors), and kernel interfaces a
# notebook has no use for that have been the way into kernel bugs (perf events, BPF, userfaultfd, keys).
# pidfd_send_signal: a signal to the process a pidfd names, and a pidfd can be an open /proc/<pid> folder,
# which no pid argument shows (red team A, round 4: SIGINT to the worker through /proc/1 killed it, twice).
_DENIED_SYSCALLS = {
    "x86_64": {"pidfd_send_signal": 424, "ptrace": 101, "process_vm_readv": 310, "process_vm_writev": 311, "pidfd_getfd": 438,
               "process_madvise": 440, "kcmp": 312, "perf_event_open": 298, "bpf": 321, "userfaultfd": 323,
               "add_key": 248, "request_key": 249, "keyctl": 250},
    "aarch64": {"pidfd_send_signal": 424, "ptrace": 117, "process_vm_readv": 270, "process_vm_writev": 271, "pidfd_getfd": 438,
                "process_madvise": 440, "kcmp": 272, "perf_event_open": 241, "bpf": 280, "userfaultfd": 282,
                "add_key": 217, "request_key": 218, "keyctl": 219},
}
# Memory that no limit of the child covers, answered "not supported" (ENOSYS, so that a library falls back:
# asmjit in libtorch_cpu tries memfd_create, then shm_open): a memfd's pages count in no RLIMIT_AS and no
# file system's size (hundreds of them of 512 MB each filled the machine's memory, and the out-of-memory
# killer picks another process: the pages belong to none), and a System V shared memory segment outlives the
# submission in the sandbox's IPC namespace, which every later student of the worker shares (red team A,
# round 4), as do System V message queues and semaphores (32,000 of each by default: kernel memory). POSIX
# shared memory and semaphores (/dev/shm, what PyTorch and multiprocessing use) stay: a bounded tmpfs.
_UNSUPPORTED_SYSCALLS = {"x86_64": {"memfd_create": 319, "shmget": 29, "msgget": 68, "semget": 64},
                         "aarch64": {"memfd_create": 279, "shmget": 194, "msgget": 186, "semget": 190}}
_AUDIT_ARCH = {"x86_64": 0xC000003E, "aarch64": 0xC00000B7}
# System calls that act on another process named by a pid argument (its index): signals, resource limits,
# priorities and scheduling, memory policy, pidfds. The child may call them on itself and its own
# processes, but not on the grader's (``protect``: the worker, the fork server, PID 1, their process group,
# and -1, "every process"): ``prlimit(fork_server, RLIMIT_DATA, 1 MB)`` broke every later student of a
# worker, ``kill(fork_server)`` the next one.
_PID_SYSCALLS = {
    "x86_64": {"kill": (62, 0), "tkill": (200, 0), "tgkill": (234, 0), "rt_sigqueueinfo": (129, 0),
               "rt_tgsigqueueinfo": (297, 0), "pidfd_open": (434, 0), "prlimit64": (302, 0),
               "setpriority": (141, 1), "sched_setaffinity": (203, 0), "sched_setscheduler": (144, 0),
               "sched_setparam": (142, 0), "sched_setattr": (314, 0), "migrate_pages": (256, 0),
               "move_pages": (279, 0), "ioprio_set": (251, 1)},
    "aarch64": {"kill": (129, 0), "tkill": (130, 0), "tgkill": (131, 0), "rt_sigqueueinfo": (138, 0),
                "rt_tgsigqueueinfo": (240, 0), "pidfd_open": (434, 0), "prlimit64": (261, 0),
                "setpriority": (140, 1), "sched_setaffinity": (122, 0), "sched_setscheduler": (119, 0),
                "sched_setparam": (118, 0), "sched_setattr": (274, 0), "migrate_pages": (238, 0),
                "move_pages": (239, 0), "ioprio_set": (30, 1)},
}


def seccomp_filter(protect: tuple[int, ...] = ()) -> bool:
    """Install a seccomp filter that answers EPERM to ``_DENIED_SYSCALLS``, ENOSYS to ``_UNSUPPORTED_SYSCALLS``, and to ``_PID_SYSCALLS`` when
    their pid argument is one of ``protect`` (compared as the kernel reads a ``pid_t``: its low 32 bits, so
    -pgid and -1 are listed as such), and kills a process that calls them through another architecture's
    numbers. A filter cannot be removed, and is inherited by
    every thread and process the child starts. Needs ``no_new_privs`` (set here; the child never needs
    setuid programs). False where the architecture or the kernel does not allow it."""
    machine = platform.machine()
    if not sys.platform.startswith("linux") or machine not in _DENIED_SYSCALLS:
        return False
    BPF_LD_W_ABS, BPF_JEQ_K, BPF_RET_K = 0x20, 0x15, 0x06
    SECCOMP_RET_ALLOW, SECCOMP_RET_KILL_PROCESS, SECCOMP_RET_ERRNO = 0x7FFF0000, 0x80000000, 0x00050000
    denied = sorted(_DENIED_SYSCALLS[machine].values())
    program = [(BPF_LD_W_ABS, 0, 0, 4),  # seccomp_data.arch
               (BPF_JEQ_K, 1, 0, _AUDIT_ARCH[machine]),
               (BPF_RET_K, 0, 0, SECCOMP_RET_KILL_PROCESS),
               (BPF_LD_W_ABS, 0, 0, 0)]  # seccomp_data.nr
    if machine == "x86_64":  # x32 system calls (nr | 0x40000000) share the architecture's number
        program += [(0x25, 0, 1, 0x3FFFFFFF), (BPF_RET_K, 0, 0, SECCOMP_RET_ERRNO | 1)]  # JGT -> EPERM
    pids = sorted({p & 0xFFFFFFFF for p in protect})
    if pids:
        for nr, arg in _PID_SYSCALLS[machine].values():
            # nr matches: load the pid argument (low word of args[arg]), EPERM if protected, else allow
            block = [(BPF_LD_W_ABS, 0, 0, 16 + 8 * arg)]
            block += [(BPF_JEQ_K, len(pids) - i, 0, pid) for i, pid in enumerate(pids)]
            block += [(BPF_RET_K, 0, 0, SECCOMP_RET_ALLOW), (BPF_RET_K, 0, 0, SECCOMP_RET_ERRNO | 1)]
            program.append((BPF_JEQ_K, 0, len(block), nr))
            program += block
    unsupported = sorted(_UNSUPPORTED_SYSCALLS[machine].values())
    checks = len(denied) + len(unsupported)
    for i, nr in enumerate(denied):
        program.append((BPF_JEQ_K, checks - i, 0, nr))  # to the EPERM return below the ALLOW
    for i, nr in enumerate(unsupported, start=len(denied)):
        program.append((BPF_JEQ_K, checks + 1 - i, 0, nr))  # to the ENOSYS return below the EPERM
    program += [(BPF_RET_K, 0, 0, SECCOMP_RET_ALLOW), (BPF_RET_K, 0, 0, SECCOMP_RET_ERRNO | 1),
                (BPF_RET_K, 0, 0, SECCOMP_RET_ERRNO | 38)]  # EPERM, ENOSYS
    raw = b"".join(struct.pack("HBBI", *insn) for insn in program)
    buffer = ctypes.create_string_buffer(raw)

    class SockFprog(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]

    prog = SockFprog(len(program), ctypes.addressof(buffer))
    try:
        _prctl(PR_SET_NO_NEW_PRIVS, 1)
        _prctl(PR_SET_SECCOMP, 2, ctypes.addressof(prog))  # SECCOMP_MODE_FILTER
    except OSError:
        return False
    return True


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

    # Its globals are a dict of its own, not this module's: a child reaching the wrapper (it is
    # ``inspect.getmodule``) through ``__globals__`` finds ``sys`` and the builtins, not the worker.
    getmodule = types.FunctionType(getmodule.__code__, {"__builtins__": __builtins__, "sys": sys}, "getmodule",
                                   getmodule.__defaults__, getmodule.__closure__)
    getmodule.__doc__ = original.__doc__
    getmodule.__wrapped__ = original
    getmodule.remembers_scans = True
    inspect.getmodule = getmodule
    inspect.getmodule(compile("", "<cnngrade warm-up>", "exec"))  # the first scan


# -- the child ----------------------------------------------------------------------------------------
def _limit_resources(cpu_seconds: int, memory_mb: int) -> None:
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 5))
    if memory_mb:
        with open("/proc/self/status") as fh:
            vm = next(int(line.split()[1]) for line in fh if line.startswith("VmSize:"))  # kB
        limit = vm * 1024 + memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    resource.setrlimit(resource.RLIMIT_FSIZE, (512 << 20, 512 << 20))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    # Descriptors (each socket or pipe buffers kernel memory) and tasks, threads included. The kernel counts
    # the tasks of the sandbox's user, in its user namespace: the worker's, the fork server's and the
    # submission's. It does not enforce this limit when the grader runs as root (bubblewrap maps the
    # sandbox's user to the grader's): the worker also counts the sandbox's processes (``MAX_PROCESSES``).
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(4096, resource.getrlimit(resource.RLIMIT_NOFILE)[0]),) * 2)
    nproc = resource.getrlimit(resource.RLIMIT_NPROC)[1]
    limit = MAX_TASKS if nproc == resource.RLIM_INFINITY else min(MAX_TASKS, nproc)
    resource.setrlimit(resource.RLIMIT_NPROC, (limit, limit))


def _cut(text: str, kept: int) -> tuple[str, int]:
    """``text`` within what is left of the cell's ``STREAM_CHARS`` (``kept`` so far), with a note."""
    room = STREAM_CHARS - kept
    if len(text) <= room:
        return text, kept + len(text)
    note = f"\n[... output cut by the grader: {len(text) - max(room, 0):,} more characters ...]\n"
    return (text[: max(room, 0)] + note if room > 0 else ""), STREAM_CHARS + 1


def _collect_outputs(kc) -> list:
    from nbformat.v4 import output_from_msg

    outputs, kept, cut = [], {}, set()
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
            kept.clear()
            continue
        if kind == "stream":  # cut in the message, before nbformat copies the text
            name = msg["content"].get("name", "stdout")
            if name in cut:
                continue
            text, kept[name] = _cut(msg["content"].get("text", ""), kept.get(name, 0))
            if kept[name] > STREAM_CHARS:
                cut.add(name)
            msg["content"]["text"] = text
            if not text:
                continue
        try:
            outputs.append(output_from_msg(msg))
        except ValueError:
            continue


OUTPUTS_KEPT = 5_000  # outputs of one cell kept (the worker refuses a reply with more than 10,000)
OUTPUT_BYTES = REPLY_BYTES // 4  # one output larger than this (as JSON) is cut to a note
REPLY_RESERVE = 4 << 20  # of a reply's and a submission's bytes, kept for what is not an output
SUBMISSION_RESERVE = 16 << 20  # of a submission's bytes, kept for the replies of the cells still to run


def _deciding(o) -> bool:
    """An output nbgrader's ``determine_grade`` decides a test cell by (the first such one counts)."""
    return o.get("output_type") in ("error", "execute_result") or o.get("output_type") == "stream" and o.get("name") == "stderr"


def _small(o):
    """``o`` (a deciding output) cut to a few kilobytes, of the same type (so the cell keeps its grade)."""
    from nbformat.v4 import new_output

    kind = o["output_type"]
    if kind == "error":
        return new_output("error", ename=str(o.get("ename", ""))[:200], evalue=str(o.get("evalue", ""))[:1000],
                          traceback=[str(line)[:1000] for line in list(o.get("traceback", []))[-3:]]
                          + ["[... cut by the grader ...]"])
    if kind == "stream":
        return new_output("stream", name=o["name"], text=str(o.get("text", ""))[:1000] + "\n[... cut by the grader ...]\n")
    text = o.get("data", {}).get("text/plain", "")
    return new_output("execute_result", data={"text/plain": ("".join(text) if isinstance(text, list) else str(text))[:1000]},
                      execution_count=o.get("execution_count"))


def _fit_error(o):
    """An error output's texts within ``TEXT_CHARS`` in all (the worker refuses more): a long message cut."""
    texts = [o.get("evalue", "")] + list(o.get("traceback", []))
    if sum(map(len, texts)) <= TEXT_CHARS:
        return o
    o["evalue"] = o.get("evalue", "")[: TEXT_CHARS // 4]
    room, kept = TEXT_CHARS // 2, []
    for line in o.get("traceback", []):
        line = line if len(line) <= 20_000 else line[:20_000] + " [... cut by the grader ...]"
        if len(line) > room:
            kept.append("[... traceback cut by the grader ...]")
            break
        kept.append(line)
        room -= len(line)
    o["traceback"] = kept
    return o


def _fit_outputs(outputs: list, room: int) -> tuple[list, int]:
    """A cell's outputs made to fit what the worker accepts, whatever the cell printed or displayed: adjacent
    stream outputs of one name merged (a loop of ``print(..., flush=True)`` sends one message per flush;
    10,000 of them failed the whole submission), an error's message cut, and outputs beyond ``room`` bytes
    (the reply's and the submission's limits), over ``OUTPUT_BYTES`` each or past ``OUTPUTS_KEPT`` replaced
    by one note. Grades do not change: nbgrader decides a test cell by its first error, stderr or
    ``execute_result`` output, and those are never dropped nor reordered, only cut to a few kilobytes
    (``_small``). Returns the outputs and their size (JSON bytes)."""
    from nbformat.v4 import new_output

    merged: list = []
    for o in outputs:
        if (o.get("output_type") == "stream" and merged and merged[-1].get("output_type") == "stream"
                and merged[-1]["name"] == o["name"] and len(merged[-1]["text"]) + len(o["text"]) <= TEXT_CHARS):
            merged[-1]["text"] += o["text"]
        else:
            merged.append(o)
    kept, used, cut, cut_bytes = [], 0, 0, 0
    for o in merged:
        if o.get("output_type") == "error":
            o = _fit_error(o)
        size = len(json.dumps(o))
        if size <= OUTPUT_BYTES and used + size <= room and len(kept) < OUTPUTS_KEPT:
            kept.append(o)
            used += size
            continue
        cut, cut_bytes = cut + 1, cut_bytes + size
        if _deciding(o) and len(kept) < 2 * OUTPUTS_KEPT - 10:
            o = _small(o)
            kept.append(o)
            used += len(json.dumps(o))
    if cut:
        kept.append(new_output("stream", name="stdout", text=f"\n[... {cut:,} output(s) of this cell, {cut_bytes / 1e6:.1f} MB,"
                                                              f" cut by the grader: over its limits ...]\n"))
    return kept, used


def _fd_streams(paths: dict[str, str]) -> list:
    """What C code wrote to file descriptors 1 and 2 during the cell, at most ``STREAM_CHARS`` bytes of
    each read (the file may hold up to RLIMIT_FSIZE), then emptied."""
    from nbformat.v4 import new_output

    found = []
    for name, path in paths.items():
        with open(path, "rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            data = fh.read(STREAM_CHARS)
        text = data.decode("utf-8", "replace")
        if size > len(data):
            text += f"\n[... output cut by the grader: {size - len(data):,} more bytes ...]\n"
        if text:
            found.append(new_output("stream", name=name, text=text))
        os.truncate(path, 0)
    return found


class _Budget:
    """``write`` of the kernel's ``sys.stdout`` / ``sys.stderr`` that keeps at most ``STREAM_CHARS`` per cell
    and counts the rest, so that a cell writing hundreds of megabytes costs the time to count them, not
    the kernel's buffers and messages (which failed with 300 MB). ``close_cell`` notes what was cut."""

    def __init__(self, stream):
        self.stream, self.write = stream, stream.write
        self.left, self.dropped = STREAM_CHARS, 0
        stream.write = self.budgeted

    def budgeted(self, text):
        if not isinstance(text, str) or len(text) <= self.left:
            if isinstance(text, str):
                self.left -= len(text)
            return self.write(text)
        kept = text[: max(self.left, 0)]
        self.left -= len(kept)
        self.dropped += len(text) - len(kept)
        if kept:
            self.write(kept)
        return len(text)

    def close_cell(self) -> list:
        """The note on what this cell's writes lost (an output), and a fresh budget for the next cell."""
        from nbformat.v4 import new_output

        dropped, self.left, self.dropped = self.dropped, STREAM_CHARS, 0
        if not dropped:
            return []
        return [new_output("stream", name=self.stream.name,
                           text=f"\n[... output cut by the grader: {dropped:,} more characters ...]\n")]


def _drain(kc) -> None:
    """Messages left over from an interrupted cell, so that the next reply is the next cell's."""
    for get in (kc.get_shell_msg, kc.get_iopub_msg):
        while True:
            try:
                get(timeout=0)
            except Exception:  # noqa: BLE001 - queue.Empty
                break


def forget_test_cell(kc, shell, cached_before: set) -> None:
    """After a test cell that ran with ``store_history=False`` (so not in ``In``, ``_ih``, ``_i``/``_ii``/
    ``_iii``, ``Out``/``_oh``, nor the history database), remove the other places where a later cell
    could read its source: IPython's compile cache in ``linecache`` (and its name map), the kernel's and
    the shell's parent message (which carries the request's code: reset by an empty silent request),
    ``last_execution_result``, and the last traceback (``sys.last_*``, the traceback formatter's ``tb``),
    whose frames hold the cell's code object (bytecode that disassembles to the test).

    What remains in the child's memory after a test cell: the values and functions it bound in the
    user namespace (a function's code object can be disassembled), the text of its outputs (what
    feedback shows anyway), and freed memory that still holds the bytes of its source until reused (a
    cell reading ``/proc/self/mem`` may find them). ``cnngrade.publishing.feedback`` keeps what student cells
    print after the first test cell out of feedback for that reason."""
    import linecache

    for name in set(linecache.cache) - cached_before:
        linecache.cache.pop(name, None)
        getattr(shell.compile, "_filename_map", {}).pop(name, None)
    kc.execute("", silent=True, store_history=False, allow_stdin=False)
    _drain(kc)
    shell.last_execution_result = None
    for attr in ("last_type", "last_value", "last_traceback", "last_exc"):
        if hasattr(sys, attr):
            delattr(sys, attr)
    for formatter in (getattr(shell, "InteractiveTB", None), getattr(shell, "SyntaxTB", None)):
        if formatter is not None and hasattr(formatter, "tb"):
            formatter.tb = None


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
    allowed = tuple(sorted({os.path.normpath(p) for p in allowed + (tempfile.gettempdir(),)}))
    seen: set = set()

    def inside(full: str) -> bool:
        # whole path components only ('/usrx' is not under '/usr'), on the normalised path ('/usr/../course'
        # is the course): string operations only, an audit hook must not open files itself
        return any(full == folder or full.startswith(folder.rstrip("/") + "/") for folder in allowed)

    me = os.getpid()

    def own_process(args: tuple) -> bool:
        # a process the notebook started: another pid of the child's own process group (the child leads it:
        # what it forks stays in it, and the grader's processes are in another). Not the child itself.
        try:
            return (len(args) == 2 and type(args[0]) is int and args[0] > 0 and args[0] != me
                    and os.getpgid(args[0]) == os.getpgid(0) == me)
        except OSError:
            return False

    def hook(event: str, args: tuple) -> None:
        detail = ""
        if event in ("open", "os.listdir", "os.scandir") and args and isinstance(args[0], (str, bytes)):
            path = os.fsdecode(args[0])
            full = os.path.normpath(path if os.path.isabs(path) else os.path.join(os.getcwd(), path))
            if not inside(full):
                detail = f"{'read' if event == 'open' else 'listed'} {full}"
        elif event == "sqlite3.connect" and args and isinstance(args[0], (str, bytes, os.PathLike)):
            # a database file in the allowed folders is not a flag: IPython's own history thread opens
            # ~/.ipython/.../history.sqlite whenever it starts (a race: honest students were flagged at random)
            path = os.fsdecode(args[0])
            full = os.path.normpath(path if os.path.isabs(path) else os.path.join(os.getcwd(), path))
            if path != ":memory:" and not path.startswith("file:") and not inside(full):
                detail = f"{AUDITED[event]} ({event}: {full})"
            elif path.startswith("file:"):
                detail = f"{AUDITED[event]} ({event})"
        elif event == "socket.connect" and len(args) > 1 and isinstance(args[1], (str, bytes)):
            pass  # a local (AF_UNIX) socket: DataLoader(num_workers=...) passes tensors through one
        elif event == "os.kill" and own_process(args):
            pass  # multiprocessing.Pool ends its own workers with SIGTERM: flagged every honest Pool user
        elif event in AUDITED:
            detail = f"{AUDITED[event]} ({event})"
        if detail and detail not in seen and len(seen) < 20:
            seen.add(detail)
            record.append(detail)

    sys.addaudithook(hook)


class _ChannelCode:
    """The shared code the child's channel and output collection call between cells (``json``'s decoder and
    encoder classes and default instances, ``nbformat.v4``, ``cnngrade.isolation.guard``), snapshotted before any
    student code runs and checked after every cell and before every request: what changed is put back and
    flagged. Red team A, round 2: ``json.JSONDecoder.decode`` replaced through an alias
    (``_D = json.JSONDecoder; _D.decode = ...``, no static flag) read each test cell's request itself,
    answered it with an empty reply carrying its token, and handed the loop only the other cells: 13/13 for
    wrong code, unflagged. A change made and undone between two checks (from a thread or a finalizer) is
    still in-process forgery (see the module docstring); this catches a patch that stays."""

    def __init__(self):
        import json.decoder
        import json.encoder
        import json.scanner

        import nbformat.notebooknode
        import nbformat.v4
        import nbformat.v4.nbbase

        from . import guard

        self.targets = [("json", json), ("json.decoder", json.decoder), ("json.encoder", json.encoder),
                        ("json.scanner", json.scanner), ("nbformat.v4", nbformat.v4),
                        ("nbformat.v4.nbbase", nbformat.v4.nbbase), ("cnngrade.isolation.guard", guard),
                        ("json.JSONDecoder", json.JSONDecoder), ("json.JSONEncoder", json.JSONEncoder),
                        ("nbformat.NotebookNode", nbformat.notebooknode.NotebookNode),
                        ("cnngrade.isolation.guard.RuntimeGuard", guard.RuntimeGuard),
                        ("json._default_decoder", json._default_decoder),
                        ("json._default_encoder", json._default_encoder)]
        self.saved = [dict(vars(obj)) for _, obj in self.targets]

    def check_and_restore(self) -> list[str]:
        """What was changed (one line per object), each put back as it was."""
        changed = []
        for (name, obj), saved in zip(self.targets, self.saved):
            now = vars(obj)
            keys = sorted(k for k in set(now) | set(saved) if k not in saved or k not in now or now[k] is not saved[k])
            if not keys:
                continue
            changed.append(f"changed code the grader's channel uses: {name}.{', '.join(map(str, keys))[:120]}")
            for key in keys:
                if isinstance(obj, type):
                    if key in saved:
                        type.__setattr__(obj, key, saved[key])
                    else:
                        type.__delattr__(obj, key)
                elif key in saved:
                    now[key] = saved[key]
                else:
                    del now[key]
        return changed


def serve_cells(requests: int, replies: int) -> None:
    """The child: start a kernel, then run each cell the worker sends and reply with its outputs.

    Requests (from the worker, trusted): first ``{"token", "files", "cpu_seconds", "memory_mb"}``, then per
    cell ``{"token", "source", "test", "label", "snapshot", "protect", "audit"}``. Replies carry the
    request's token, the cell's outputs, its execution count, and the guard's and audit hook's new
    flags. The child knows a cell is a test only while it runs it: it never sees the notebook."""
    import nbformat

    from . import guard

    setup = receive(requests)
    workdir = tempfile.mkdtemp(prefix="submission-")
    os.chdir(workdir)
    os.environ["TMPDIR"] = workdir
    sys.path.insert(0, workdir)  # as in nbgrader's kernel: a .py handed in next to the notebook imports
    for name, data in setup.get("files", {}).items():
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
    _limit_resources(setup["cpu_seconds"], setup["memory_mb"])
    audited: list[str] = []

    from ipykernel.inprocess.manager import InProcessKernelManager

    km = InProcessKernelManager()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    shell = km.kernel.shell
    shell.enable_matplotlib("inline")
    runtime = guard.RuntimeGuard(shell, {"client": kc, "kernel_manager": km})
    budgets = [_Budget(stream) for stream in (km.kernel.stdout, km.kernel.stderr)]  # sys.stdout during a cell
    send(replies, {"token": setup["token"], "ready": True})
    del setup
    import linecache

    sent_flags = sent_audit = 0
    spent = 0  # bytes of the replies sent (the worker stops reading at SUBMISSION_BYTES)
    audit_on = False
    channel = _ChannelCode()
    tampered: list[str] = []
    while True:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # an interrupt that comes late hits nothing
        tampered += channel.check_and_restore()  # before the next request is read with the code it checks
        try:
            request = receive(requests)
        except EOFError:
            return
        extra: dict = {}
        if request.get("snapshot") is not None:
            protected = set(request["snapshot"])
            runtime.snapshot(protected)
            extra["modules"] = sorted(n for n in protected if type(shell.user_ns.get(n)).__name__ == "module")
        if request.get("audit") and not audit_on:
            install_audit_hook(workdir, audited)  # from the first cell the student wrote
            audit_on = True
        test = bool(request.get("test"))
        cached = set(linecache.cache) if test else set()
        hidden: dict = {}
        if test:
            runtime.check_and_restore(request.get("label", ""))
            hidden = runtime.hide_shadows(guard.free_reads(request["source"]), request.get("label", ""))
        _drain(kc)
        signal.signal(signal.SIGINT, signal.default_int_handler)  # the worker's interrupt: KeyboardInterrupt
        try:
            try:
                kc.execute(request["source"], allow_stdin=False, store_history=not test)
                reply = kc.get_shell_msg(timeout=5)["content"]
            except KeyboardInterrupt:
                # The interrupt landed in the kernel's machinery rather than in the cell: record it as
                # nbgrader's interrupted cell would look, and go on with a kernel that may have lost state.
                reply = {"status": "error", "ename": "KeyboardInterrupt", "evalue": "", "traceback": []}
            signal.signal(signal.SIGINT, signal.SIG_IGN)
        except KeyboardInterrupt:
            reply = {"status": "error", "ename": "KeyboardInterrupt", "evalue": "", "traceback": []}
        except Exception as err:  # noqa: BLE001 - the kernel itself failed (out of memory...): the cell's error
            reply = {"status": "error", "ename": type(err).__name__, "evalue": f"the kernel failed: {err}"[:300],
                     "traceback": []}
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        tampered += channel.check_and_restore()  # before the outputs are collected and sent with it
        notes = [note for budget in budgets for note in budget.close_cell()]
        for stream in (sys.stdout, sys.stderr, km.kernel.stdout, km.kernel.stderr):
            stream.flush()
        outputs = _collect_outputs(kc) + notes + _fd_streams(captured)
        if reply.get("status") == "error" and not any(
            o.output_type == "error" and o.ename == reply.get("ename") for o in outputs
        ):  # nbgrader's Execute.on_cell_executed does the same
            outputs.append(nbformat.v4.new_output("error", ename=reply.get("ename", "Error"),
                                                  evalue=reply.get("evalue", ""),
                                                  traceback=reply.get("traceback") or ["ERROR: An error occurred while showtraceback was disabled"]))
        room = min(REPLY_BYTES, SUBMISSION_BYTES - SUBMISSION_RESERVE - spent) - REPLY_RESERVE
        outputs, _ = _fit_outputs(outputs, max(room, 0))
        if test:
            runtime.check_and_restore(request.get("label", ""), when="after",  # a helper swapped during the cell, put back
                                      rebinds=guard.bound_names(request["source"]))
            runtime.restore_shadows(hidden, guard.bound_names(request["source"]))
            forget_test_cell(kc, shell, cached)
        for name in request.get("protect", ()):  # names a setup cell bound after the snapshot
            if name in shell.user_ns:
                runtime.user[name] = shell.user_ns[name]
        flags = [{"kind": f.kind, "detail": f.detail, "cell": f.cell} for f in runtime.flags[sent_flags:]]
        flags += [{"kind": "audit", "detail": d, "cell": ""} for d in audited[sent_audit:]]
        flags += [{"kind": "runtime", "detail": d, "cell": request.get("label", "")} for d in tampered]
        tampered.clear()
        sent_flags, sent_audit = len(runtime.flags), len(audited)
        spent += send(replies, {"token": request["token"], "outputs": outputs,
                                "execution_count": reply.get("execution_count"), "flags": flags[:200], **extra})
        del request, reply, outputs


def _private_copy() -> dict:
    """The child's own copy of this module: a snapshot of its globals in which every function of the module
    is a copy whose globals are the snapshot, and ``os``, ``struct`` and ``json`` are frozen namespaces
    (C functions, and copies of ``json.dumps`` / ``json.loads``). Made before any student code runs;
    ``serve_cells`` runs as the copy.

    Why: student code can import ``cnngrade.isolation.worker`` (or reach the worker's globals through a function's
    ``__globals__``) and rebind ``send``, ``receive``, ``_collect_outputs``..., or swap a function's
    ``__code__``: the copy looks nothing up in a module anyone can import, and its functions are objects
    no module holds. What still reaches them, by construction of an in-process kernel: the interpreter's
    introspection of the running child (the frames of ``serve_cells`` through ``sys._getframe`` or a
    traceback, whose ``f_globals`` is the snapshot and ``f_locals`` its locals; ``gc.get_objects`` /
    ``get_referrers``), the shared classes and modules the copy still calls (``json``'s encoder classes,
    ``nbformat``, ``ipykernel``, ``cnngrade.isolation.guard``, ``_Budget``), and ``ctypes`` writes to memory."""
    snapshot = dict(globals())

    def copy(function, namespace):
        twin = types.FunctionType(function.__code__, namespace, function.__name__, function.__defaults__,
                                  function.__closure__)
        twin.__kwdefaults__ = function.__kwdefaults__
        return twin

    for name, value in list(snapshot.items()):
        if isinstance(value, types.FunctionType) and value.__module__ == __name__:
            snapshot[name] = copy(value, snapshot)
    json_globals = dict(vars(json))
    snapshot["json"] = types.SimpleNamespace(dumps=copy(json.dumps, json_globals), loads=copy(json.loads, json_globals))
    snapshot["os"] = types.SimpleNamespace(**vars(os))
    snapshot["struct"] = types.SimpleNamespace(**vars(struct))
    return snapshot


# -- the fork server ------------------------------------------------------------------------------------
def _become_child(requests: int, replies: int, protect: tuple[int, ...] = ()) -> None:
    """In a process forked by the fork server: keep only the two pipes, harden, serve cells, exit."""
    code = 70
    try:
        os.setpgid(0, 0)
        for fd in range(3, 4096):
            if fd not in (requests, replies):
                try:
                    os.close(fd)
                except OSError:
                    pass
        seccomp_filter(protect)
        _private_copy()["serve_cells"](requests, replies)  # see _private_copy
        code = 0
    except BaseException:  # noqa: BLE001 - report, never fall back into the fork server's loop
        try:
            send(replies, {"failed": traceback.format_exc(limit=3)[-800:]})
        except Exception:  # noqa: BLE001
            pass
    os._exit(code)


def fork_server(sock: socket.socket) -> None:
    """Fork a child for each request (the two pipe ends arrive with it); reply its pid, then its exit
    status. Forked from the warm worker before any job: its memory holds no submission."""
    # what the children must not reach (seccomp_filter): this fork server, the worker, the namespace's
    # PID 1, the process group they share, and -1 ("every process I may signal")
    protect = (os.getpid(), os.getppid(), 1, -os.getpgid(0), -os.getppid(), -1)
    keep = sock.fileno()
    for fd in range(3, 4096):
        if fd != keep:
            try:
                os.close(fd)
            except OSError:
                pass
    while True:
        try:
            message, fds, _, _ = socket.recv_fds(sock, 16, 2)
        except OSError:
            os._exit(0)
        if message == b"kill-all" and not fds:  # the worker's cleaning between two submissions
            sock.sendall(b"y" if _kill_all_others() else b"n")
            continue
        if not message or len(fds) != 2:
            os._exit(0)
        pid = os.fork()
        if pid == 0:
            sock.close()
            _become_child(*fds, protect)
        for fd in fds:
            os.close(fd)
        sock.sendall(struct.pack(">q", pid))
        _, status = os.waitpid(pid, 0)
        sock.sendall(struct.pack(">q", status))


def _kill_all_others() -> bool:
    """``kill(-1, SIGKILL)`` from the fork server: every process of the sandbox's PID namespace dies but its
    PID 1 (the worker) and the caller, in one system call. The kernel signals them all under the task list
    lock and refuses a fork that a fatal signal interrupts, so no process can escape by forking while it
    is done; the worker's own loop over ``/proc`` (``_clean_sandbox``) lists the processes, then signals
    them one by one, and a process that forks a new pid and exits in between (a "pid hopper") outlived
    it and sabotaged every later submission of the worker (red team round 2). Only inside the sandbox,
    where the worker is PID 1 of a namespace of its own: elsewhere -1 would be every process of the user."""
    if os.environ.get("CNNGRADE_SANDBOXED") != "1" or os.getppid() != 1:
        return False
    try:
        os.kill(-1, signal.SIGKILL)
    except ProcessLookupError:
        pass  # nothing else was left
    return True


def kill_all_but_grader(server: socket.socket) -> bool:
    """Ask the fork server to kill every other process of the sandbox (``_kill_all_others``); False when it
    did not (not sandboxed, or it did not answer: the worker then retires)."""
    try:
        server.sendall(b"kill-all")
        return _recv_exact(server, 1) == b"y"
    except (OSError, EOFError):
        return False


def start_fork_server() -> tuple[socket.socket, int]:
    ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    pid = os.fork()
    if pid == 0:
        try:
            ours.close()
            fork_server(theirs)
        finally:
            os._exit(0)
    theirs.close()
    ours.settimeout(60)  # a stopped fork server cannot hold the worker in send or recv
    return ours, pid


# -- the grading loop (the worker) ------------------------------------------------------------------------
def _kill_group(pid: int, reaped: bool = False) -> None:
    """SIGKILL to the child's process group (what it started), and to the child itself unless the fork
    server reaped it (its pid could then be another process's)."""
    for kill in (os.killpg,) if reaped else (os.killpg, os.kill):
        try:
            kill(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


def _describe_exit(status: int) -> str:
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        name = signal.Signals(sig).name
        extra = {"SIGXCPU": " (CPU time limit)", "SIGKILL": " (killed: time or memory limit)",
                 "SIGSEGV": " (segmentation fault)"}.get(name, "")
        return f"killed by {name}{extra}"
    return f"exited with code {os.WEXITSTATUS(status)}"


def _label(cell: dict, index: int) -> str:
    return cell.get("metadata", {}).get("nbgrader", {}).get("grade_id", f"cell {index}")


class _Failed(Exception):
    """The submission cannot be graded; the message is the reason."""


_OUTPUT_FIELDS = {"stream": {"output_type": str, "name": str, "text": str},
                  "display_data": {"output_type": str, "data": dict, "metadata": dict},
                  "execute_result": {"output_type": str, "data": dict, "metadata": dict, "execution_count": (int, type(None))},
                  "error": {"output_type": str, "ename": str, "evalue": str, "traceback": list}}
_REPLY_FIELDS = {"token": str, "outputs": list, "execution_count": (int, type(None)), "flags": list, "modules": list,
                 "ready": bool}
TEXT_CHARS = STREAM_CHARS + 200  # an output's text, an error's message or traceback (the child cuts at STREAM_CHARS)


def _malformed(reply: dict) -> str:
    """What is wrong with a reply of the child, "" if nothing: every field of the expected type, outputs as
    nbformat outputs (a known output type, no other field, strings where nbformat has strings, texts within
    ``TEXT_CHARS``), flags as three short strings. The reply's size is capped by ``Reader`` already."""
    for key, value in reply.items():
        if key not in _REPLY_FIELDS or not isinstance(value, _REPLY_FIELDS[key]) or isinstance(value, bool) != (key == "ready"):
            return f"field {key[:40]!r}"
    if len(reply.get("outputs", [])) > 10_000 or len(reply.get("flags", [])) > 1_000:
        return "too many outputs or flags"
    if not all(isinstance(m, str) and len(m) < 200 for m in reply.get("modules", [])):
        return "modules"
    for f in reply.get("flags", []):
        if not isinstance(f, dict) or set(f) != {"kind", "detail", "cell"} or not all(isinstance(v, str) and len(v) < 2000 for v in f.values()):
            return "a flag"
    for o in reply.get("outputs", []):
        fields = _OUTPUT_FIELDS.get(o.get("output_type")) if isinstance(o, dict) else None
        if fields is None or not set(o) <= set(fields) or not all(isinstance(o[k], t) for k, t in fields.items() if k in o):
            return "an output"
        texts = [o.get("text", ""), o.get("ename", ""), o.get("evalue", "")] + list(o.get("traceback", []))
        if o["output_type"] == "stream" and o["name"] not in ("stdout", "stderr") or not all(isinstance(t, str) for t in texts) \
                or sum(map(len, texts)) > 2 * TEXT_CHARS:
            return "an output's text"
        for key, value in o.get("data", {}).items():  # a MIME bundle: text, lines of text, or JSON (application/*json)
            if not isinstance(key, str) or len(key) > 200 or not (isinstance(value, str) or
                    isinstance(value, list) and all(isinstance(v, str) for v in value) or key.endswith("json")):
                return "an output's data"
    return ""


def fork_server_problem(pid: int, limits: str) -> str:
    """What is wrong with the fork server ``pid`` ("" if nothing): gone, stopped, or its resource limits no
    longer ``limits`` (what ``/proc/<pid>/limits`` read when it started). A child cannot reach it (the
    seccomp filter's ``protect``), a process outside the sandbox could: checked before and after each job."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            state = fh.read().rpartition(")")[2].split()[0]
        with open(f"/proc/{pid}/limits") as fh:
            now = fh.read()
    except (OSError, IndexError):
        return "it is gone"
    if state not in ("S", "R", "D"):
        return f"its state is {state!r}"
    if now != limits:
        return "its resource limits were changed"
    return ""


def grade_job(job: dict, server: socket.socket) -> dict:
    """Grade one submission in a fresh child of the fork server; return the result (never raises).
    ``result["retire"]`` says the fork server is gone (the submission killed it): the worker must stop."""
    from . import guard

    started = time.perf_counter()
    deadline = time.monotonic() + wall_seconds(job)
    nb, kinds, timeout = job["notebook"], job["kinds"], job["timeout"]
    cells = nb["cells"]
    source = {i: "".join(c["source"]) if isinstance(c["source"], list) else c["source"] for i, c in enumerate(cells)}
    test_reads: set[str] = set()
    for i, kind in enumerate(kinds):
        if kind == "test":
            test_reads |= guard.read_names(source[i])
    requests_r, requests_w = os.pipe()
    replies_r, replies_w = os.pipe()
    try:
        socket.send_fds(server, [b"fork"], [requests_r, replies_w])
        (pid,) = struct.unpack(">q", _recv_exact(server, 8))
    except (OSError, EOFError) as err:
        for fd in (requests_r, requests_w, replies_r, replies_w):
            os.close(fd)
        return {"id": job["id"], "nonce": job["nonce"], "status": "failed", "notebook": None, "flags": [],
                "seconds": 0.0, "retire": True, "retry": True,
                "reason": f"the worker's fork server is gone ({err}): not graded, retried by a new worker"}
    os.close(requests_r)
    os.close(replies_w)
    os.set_blocking(requests_w, False)  # send_within: no write may block past a deadline
    reader = Reader(replies_r)
    flags: list[dict] = []
    timings: list[tuple[int, float]] = []
    current, reason, received, finished = None, "", 0, False
    # Inside the sandbox, where the worker is PID 1 of a PID namespace of its own (its /proc lists only the
    # sandbox's processes), the worker counts them while a cell runs: a fork bomb is no process's memory
    # (each copy is within RLIMIT_AS) and RLIMIT_NPROC does not hold for root (red team A, round 4: thousands
    # of processes in one cell, the machine's memory and process table for every other worker).
    watch = os.environ.get("CNNGRADE_SANDBOXED") == "1" and os.getpid() == 1

    def ask(request: dict, limit: float, what: str) -> dict:
        """Send a request, wait for its reply: interrupt after ``limit`` s, kill after the grace."""
        nonlocal received
        request["token"] = token = secrets.token_hex(16)
        cell_deadline = min(time.monotonic() + limit, deadline)
        try:
            send_within(requests_w, request, cell_deadline)
        except TimeoutError:
            raise _Failed(f"{what}: the notebook's process stopped reading the grader's requests") from None
        except OSError:
            raise EOFError("the child is gone") from None
        interrupted = False
        while True:
            try:
                reply = reader.read(min(REPLY_BYTES, SUBMISSION_BYTES - received),
                                    min(cell_deadline, time.monotonic() + WATCH_SECONDS) if watch else cell_deadline)
                break
            except TimeoutError:
                if time.monotonic() < cell_deadline:  # a pause to count the sandbox's processes (``watch``)
                    _reap_orphans()  # as the namespace's init: what a submission orphaned is not counted twice
                    if _processes() > MAX_PROCESSES:
                        _kill_group(pid)  # now: what it forked may still be forking; the rest dies in the cleaning
                        raise _Failed(f"{what} started more than {MAX_PROCESSES} processes (a fork bomb?)") from None
                    continue
                if time.monotonic() >= deadline:
                    raise _Failed(f"the submission ran past its wall-clock limit of {wall_seconds(job):.0f} s ({what})") from None
                if interrupted:
                    raise _Failed(f"{what} did not stop within {timeout} s + {GRACE_SECONDS} s after its time limit") from None
                os.kill(pid, signal.SIGINT)
                interrupted = True
                cell_deadline = min(time.monotonic() + GRACE_SECONDS, deadline)
            except ChannelError as err:
                raise _Failed(f"{what} sent {err}: not a reply the grader accepts") from None
        received += reader.last_size
        if "failed" in reply and len(reply) == 1:
            raise _Failed(f"the notebook's process failed: {str(reply['failed'])[-300:]}")
        if not secrets.compare_digest(str(reply.get("token", "")), token):
            raise _Failed(f"{what} got a reply that is not its own (forged or out of order)")
        problem = _malformed(reply)
        if problem:
            raise _Failed(f"{what} got a malformed reply ({problem})")
        flags.extend({"kind": f["kind"], "detail": f["detail"][:300], "cell": f["cell"][:200]}
                     for f in reply.get("flags", [])[:50])
        return reply

    try:
        ask({"files": job.get("files", {}), "cpu_seconds": job["cpu_seconds"], "memory_mb": job["memory_mb"]},
            STARTUP_SECONDS, "the kernel's start-up")
        timings.append((-1, round(time.perf_counter() - started, 3)))
        setup_names: set[str] = set()
        snapshotted = audit_installed = False
        count = 0  # the cells' execution counts (see below)
        for index, (cell, kind) in enumerate(zip(cells, kinds)):
            if cell["cell_type"] != "code":
                continue
            if kind == "skip":
                cell["outputs"], cell["execution_count"] = [], None
                continue
            request: dict = {"source": source[index], "test": kind == "test", "label": _label(cell, index)}
            if kind == "student" and not audit_installed:
                request["audit"] = audit_installed = True  # from the first cell the student wrote
            if kind in ("student", "test") and not snapshotted:
                request["snapshot"] = sorted(setup_names & test_reads)
            if kind == "setup" and snapshotted:
                request["protect"] = sorted(guard.bound_names(source[index]) & test_reads)
            current = index
            cell_start = time.perf_counter()
            reply = ask(request, timeout, f"cell {index}")
            if "snapshot" in request:
                snapshotted = True
                protected, modules = set(request["snapshot"]), set(reply.get("modules", [])) & set(request["snapshot"])
                for i, (c, k) in enumerate(zip(cells, kinds)):  # computed here, from the sources: pure AST
                    if k == "student" and c["cell_type"] == "code":
                        flags.extend({"kind": f.kind, "detail": f.detail, "cell": f.cell}
                                     for f in guard.static_flags(source[i], _label(c, i), protected, modules))
                for name, data in sorted(job.get("files", {}).items()):  # .py files handed in with it
                    if name.endswith(".py"):
                        text = base64.b64decode(data).decode("utf-8", "replace")
                        flags.extend({"kind": f.kind, "detail": f.detail, "cell": f.cell}
                                     for f in guard.static_flags(text, f"file {name}", protected, modules))
            # numbered here, as IPython numbers them (a cell that enters the history, not empty, takes the
            # next number; a test cell runs without history: the last number), never with the child's value
            if kind != "test" and source[index].strip():
                count += 1
            cell["outputs"] = reply.get("outputs", [])
            cell["execution_count"] = count
            for output in cell["outputs"]:
                if output["output_type"] == "execute_result":
                    output["execution_count"] = count
            timings.append((index, round(time.perf_counter() - cell_start, 3)))
            if kind == "setup":
                setup_names |= guard.bound_names(source[index])
        finished = True
    except _Failed as err:
        reason = str(err)
    except EOFError:
        reason = ""  # the child died: its exit status says how
    os.close(requests_w)  # the child's end of input: it exits
    try:
        status = _child_status(server, pid, 5.0)
    except (OSError, EOFError, TimeoutError):
        status = None  # the fork server did not answer: the submission killed it
    os.close(replies_r)
    _kill_group(pid, reaped=status is not None)
    seconds = time.perf_counter() - started
    if status is None and not reason:
        reason = "the submission killed a process of the grading worker"
    elif not finished and not reason:
        reason = f"the notebook's process {_describe_exit(status)} while running cell {current}"
    if reason:
        return {"id": job["id"], "nonce": job["nonce"], "status": "failed", "reason": reason, "notebook": None,
                "flags": [], "seconds": seconds, "retire": status is None}
    seen, unique = set(), []
    for f in flags:
        if (f["kind"], f["detail"]) not in seen:
            seen.add((f["kind"], f["detail"]))
            unique.append(f)
    return {"id": job["id"], "nonce": job["nonce"], "status": "ok", "notebook": nb, "flags": unique,
            "seconds": seconds, "reason": "", "timings": timings, "retire": False}


def _reap_orphans() -> None:
    """Reap the exited processes the worker inherited as the sandbox's PID 1 (orphans of a submission: a
    process whose parent exited, such as a pid hopper's, stays a zombie, and a pid, until its init reaps it)."""
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def _processes() -> int:
    """How many processes ``/proc`` lists (inside the sandbox: the sandbox's own)."""
    try:
        return sum(name.isdigit() for name in os.listdir("/proc"))
    except OSError:
        return 0


def _recv_exact(sock: socket.socket, n: int) -> bytes:
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            raise EOFError("fork server closed")
        data += chunk
    return data


def _child_status(server: socket.socket, pid: int, wait: float) -> int:
    """The child's exit status, from the fork server; the child is killed if it does not exit in ``wait`` s."""
    if not select.select([server], [], [], wait)[0]:
        _kill_group(pid)
        if not select.select([server], [], [], 10)[0]:
            raise TimeoutError
    (status,) = struct.unpack(">q", _recv_exact(server, 8))
    return status


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


PRIVATE_FOLDERS = ("/tmp", "/var/tmp", "/dev/shm")  # with the home: the sandbox's writable folders


def _private_folders() -> tuple[str, ...]:
    return (*PRIVATE_FOLDERS, os.path.expanduser("~"))


def _clean_sandbox(keep: dict[str, bytes], spare: tuple[int, ...] = (), dev: frozenset = frozenset(),
                   modes: dict[str, int] | None = None) -> str:
    """Inside the sandbox only: kill leftovers (all but this worker, the sandbox's PID 1, and the ``spare``
    pids: its fork server) and reap them, give every private folder (/tmp, /var/tmp, /dev/shm, the home)
    its mode back (``modes``, read when the worker started: 0o755 where not given) and empty it, remove
    what was added to the private /dev since the worker started (``dev``: its entries then, the devices
    and links bubblewrap made), restore warm caches. Returns what could not be done ("" if nothing): the
    worker then retires. Red team A, round 4: ``os.chmod('/tmp', 0)`` (the folders belong to the sandbox's
    one user) left /tmp unreadable to the cleaning, and every later student of the worker failed (no
    working folder); the same on the home crashed the worker."""
    me = os.getpid()
    for entry in os.listdir("/proc"):
        if entry.isdigit() and int(entry) not in (1, me, *spare):
            try:
                os.kill(int(entry), signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
    if me == 1:  # as the namespace's init, every orphan is ours to reap
        while True:
            try:
                pid, _ = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                break
            if pid == 0:
                break
    for folder in _private_folders():
        _quietly(os.chmod, folder, (modes or {}).get(folder, 0o755))
        _empty(folder)
    if dev:
        for entry in set(os.listdir("/dev")) - dev:
            path = os.path.join("/dev", entry)
            if os.path.isdir(path) and not os.path.islink(path):
                _quietly(os.chmod, path, 0o700)
                _empty(path)
                _quietly(os.rmdir, path)
            else:
                _quietly(os.remove, path)
    problems = []
    for path, data in keep.items():
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as fh:
                fh.write(data)
        except OSError as err:
            problems.append(f"{path}: {err.strerror}")
    problems += [f"{folder}: not writable" for folder in _private_folders()
                 if not os.access(folder, os.R_OK | os.W_OK | os.X_OK)]
    return "; ".join(problems)[:300]


def _read(path: str) -> str:
    with open(path) as fh:
        return fh.read()


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
    # No signal a child can send has a handler here: SIGINT (Python's KeyboardInterrupt) is the one the
    # interpreter installs, and it reached the worker through a thread's id (tkill lists no thread of the
    # worker but its first). A child sets its own handlers (serve_cells).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    hardened = not_dumpable()  # before any fork: the fork server and every child inherit it
    warm_up()
    keep = _warm_files() if sandboxed else {}
    dev = frozenset(os.listdir("/dev")) if sandboxed else frozenset()
    modes = {folder: os.stat(folder).st_mode & 0o7777 for folder in _private_folders()} if sandboxed else {}
    server, server_pid = start_fork_server()  # before the first job: its memory never holds one
    limits = _read(f"/proc/{server_pid}/limits")
    send(channel_out, {"ready": True, "pid": os.getpid(), "sandboxed": sandboxed, "not_dumpable": hardened})
    while True:
        try:
            job = receive(channel_in)
        except EOFError:
            return 0
        if job.get("stop"):
            return 0
        problem = fork_server_problem(server_pid, limits)
        try:
            if problem:  # reached from outside the last job: this job is not to blame, a new worker grades it
                result = {"id": job["id"], "nonce": job["nonce"], "status": "failed", "notebook": None, "flags": [],
                          "seconds": 0.0, "retire": True, "retry": True,
                          "reason": f"the worker's fork server is unusable ({problem}): not graded, retried by a new worker"}
            else:
                result = grade_job(job, server)
        except Exception:  # noqa: BLE001 - a bug of the loop: this submission fails, a new worker takes over
            result = {"id": job["id"], "nonce": job["nonce"], "status": "failed", "notebook": None, "flags": [],
                      "seconds": 0.0, "retire": True,
                      "reason": "the grading worker failed: " + traceback.format_exc(limit=2)[-300:]}
        del job
        if sandboxed:
            if not result.get("retire") and not kill_all_but_grader(server):
                result.update(status="failed", notebook=None, flags=[], retire=True,
                              reason="the grading worker's fork server could not clean the sandbox after this submission")
            try:
                unclean = _clean_sandbox(keep, () if result.get("retire") else (server_pid,), dev, modes)
            except Exception:  # noqa: BLE001 - whatever the submission left, this worker must not die of it
                unclean = traceback.format_exc(limit=1)[-300:]
            if unclean and not result.get("retire"):  # the submission is graded; the next one gets a fresh worker
                result["retire"] = True
                result["flags"] = [*result.get("flags", []), {"kind": "runtime", "cell": "",
                                   "detail": f"left the sandbox in a state the worker could not clean ({unclean})"}]
        problem = "" if result.get("retire") else fork_server_problem(server_pid, limits)
        if problem:  # after the cleaning nothing of the job runs: the job did it
            result.update(status="failed", notebook=None, flags=[], retire=True,
                          reason=f"the submission reached the grading worker's fork server ({problem})")
        send(channel_out, result)
        if result.get("retire"):
            return 0  # a fork server the submission reached is not used again: the engine starts a new worker


if __name__ == "__main__":
    sys.exit(main())
