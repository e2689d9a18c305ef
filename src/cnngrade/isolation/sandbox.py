"""Where student code runs: a bubblewrap sandbox around each grading worker (Linux).

Inside, the worker and every submission it forks see:

* **read-only**, only the system folders (``/usr``, ``/etc``, ``/lib``..., ``SYSTEM``), the Python
  installation and its packages, and the course's ``src/``: not the rest of the machine's files (no
  other clone of the course, no backup of it, nothing under ``/work``, ``/srv`` or ``/opt`` but Python);
* an empty private ``/tmp``, ``/var/tmp``, ``/dev/shm`` and home folder (emptied again after every
  submission), so nothing one student writes reaches the next one, each of a bounded size
  (``PRIVATE_BYTES``), and a read-only ``/dev``: these are memory (tmpfs), and at their default size (half
  the machine's memory, each) a submission wrote far past its memory limit into them, and the kernel's
  out-of-memory killer then picks some other process, since no process owns those files (red team A,
  round 4);
* only the environment variables the frameworks read (``ENVIRONMENT``): not the grader's (a token in the
  instructor's environment was printed into the student's own feedback; red team A, round 4);
* **no** ``solutions/``, ``autograde/`` (gradebook, submissions, feedback, known-wrong files),
  ``.git`` or ``_build`` of the course, and no grading course folder: empty folders are mounted over
  them, whatever user the grader runs as;
* no network (a new network namespace with only loopback), a new PID namespace (a submission cannot
  signal the grader) in which the worker itself is PID 1 (``--as-pid-1``: bubblewrap's own reaper would
  be a dumpable process of the same user that a submission could write into and outlive the cleaning
  in; an init process also ignores the signals its namespace sends it), no capabilities, user ``nobody``;
* the worker dies with the engine (``--die-with-parent``).

bubblewrap (https://github.com/containers/bubblewrap) is Debian's ``bubblewrap`` package; ``.ci/run``
installs it. Where it is missing or cannot create namespaces (macOS, containers without user
namespaces) grading still works, unisolated, and ``warn_once`` says so loudly.
"""
from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
from pathlib import Path

NOBODY = 65534


@functools.lru_cache(maxsize=None)
def available() -> tuple[bool, str]:
    """(usable, why not) for bubblewrap on this machine, checked by starting a trivial sandbox."""
    if not sys.platform.startswith("linux"):
        return False, f"bubblewrap needs Linux (this is {sys.platform})"
    bwrap = shutil.which("bwrap")
    if not bwrap:
        return False, "bubblewrap (`bwrap`) is not installed: `apt-get install bubblewrap`"
    probe = subprocess.run([bwrap, "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--unshare-all",
                            "--uid", str(NOBODY), "--gid", str(NOBODY), "--cap-drop", "ALL", "true"],
                           capture_output=True, text=True)
    if probe.returncode != 0:
        return False, f"bubblewrap cannot create namespaces here: {probe.stderr.strip()[:200]}"
    return True, ""


_warned = False


def warn_once(reason: str) -> None:
    global _warned
    if not _warned:
        _warned = True
        bar = "!" * 78
        print(f"{bar}\n!! Student code is NOT isolated: {reason}\n!! It runs with your rights and can read"
              f" solutions/ and the gradebook.\n{bar}", file=sys.stderr)


def _under(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
        return True
    except ValueError:
        return False


# The private folders' sizes (tmpfs: memory, that the memory limit of a submission does not cover). /tmp holds
# the submission's working folder; /dev/shm holds PyTorch's shared tensors (DataLoader(num_workers=...)).
PRIVATE_BYTES = {"/tmp": 1 << 30, "/dev/shm": 1 << 30, "/var/tmp": 64 << 20, "home": 256 << 20}
# The grader's environment variables that reach the sandbox: what Python, the frameworks, the BLAS libraries
# and the locale read (whole names, and prefixes); nothing else (a token, the course's paths).
ENVIRONMENT = ("PATH", "LANG", "LANGUAGE", "TZ", "TERM", "LD_LIBRARY_PATH", "MPLBACKEND")
ENVIRONMENT_PREFIXES = ("LC_", "PYTHON", "KERAS_", "TF_", "TF2_", "OMP_", "MKL_", "OPENBLAS_", "KMP_", "CUDA_",
                        "NVIDIA_", "XLA_", "TORCH", "PYTORCH_", "HDF5_", "CNNGRADE_")


def environment(env: dict[str, str]) -> dict[str, str]:
    """The variables of ``env`` that the sandbox keeps (``ENVIRONMENT``, ``ENVIRONMENT_PREFIXES``)."""
    return {k: v for k, v in env.items() if k in ENVIRONMENT or k.startswith(ENVIRONMENT_PREFIXES)}


SYSTEM = ("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/etc", "/sys")  # read-only, when present


def mounts() -> list[Path]:
    """What the sandbox shows of this machine's files, read-only: the system folders (``SYSTEM``), and the
    Python installation, its packages and the course's two packages (``src/``), wherever they are. Nothing
    else: not the course's other files, nor another clone of it (red team A, round 3: with ``/`` bound
    read-only, ``/work/main/solutions``, a backup under a home folder... were readable from a student cell)."""
    import site

    import cnnblocks

    keep = {Path(sys.prefix), Path(sys.base_prefix), Path(sys.exec_prefix), Path(cnnblocks.__file__).parents[1],
            Path(__file__).parents[2], *(Path(p) for p in site.getsitepackages())}
    found = sorted({p.resolve() for p in keep if p.is_dir()})
    return [p for p in found if not any(p != q and _under(p, q) for q in found)]


def command(argv: list[str], hide: list[Path], env: dict[str, str]) -> list[str]:
    """``argv`` wrapped in bubblewrap; ``hide`` are folders the sandbox must not see (course roots)."""
    home = Path(os.path.expanduser("~"))
    args = ["bwrap"]
    shown: list[Path] = []
    for name in SYSTEM:
        path = Path(name)
        if path.is_symlink():  # /bin -> usr/bin on a merged /usr
            args += ["--symlink", os.readlink(path), name]
        elif path.is_dir():
            args += ["--ro-bind", name, name]
            shown.append(path)
    args += ["--dev", "/dev", "--remount-ro", "/dev", "--proc", "/proc",
             "--unshare-all", "--die-with-parent", "--new-session", "--as-pid-1",
             "--uid", str(NOBODY), "--gid", str(NOBODY), "--cap-drop", "ALL"]
    # Private, empty: the temporary folders and every home folder...
    private = [Path("/tmp"), Path("/var/tmp"), Path("/dev/shm"), home, Path("/home"), Path("/root")]
    private = [p for i, p in enumerate(private) if p.is_dir() and p not in private[:i]]
    for folder in private:
        size = PRIVATE_BYTES.get(str(folder), PRIVATE_BYTES["home"])
        args += ["--size", str(size), "--tmpfs", str(folder)]
    # ...and, read-only, the Python installation, its packages and the course's two packages, wherever they
    # are (a course cloned under /tmp or a home folder, Python under ~/.pyenv). Nothing else of the course.
    for path in mounts():
        if not any(_under(path, folder) for folder in shown) or any(_under(path, folder) for folder in private):
            args += ["--ro-bind", str(path), str(path)]
            shown.append(path)
    for root in hide:
        root = root.resolve()
        for name in ("solutions", "autograde", ".git", "_build", "work", "chapters"):
            if (root / name).is_dir() and any(_under(root / name, folder) for folder in shown):
                args += ["--tmpfs", str(root / name)]
    args += ["--clearenv", "--setenv", "HOME", str(home), "--chdir", "/tmp"]
    for key, value in {**environment(dict(os.environ)), **env}.items():
        args += ["--setenv", key, value]
    return args + ["--"] + argv
