"""A bubblewrap sandbox around each kernel that runs a learner's or a student's code.

nbgrader runs a submission with the grader's rights: it could read solutions/, rewrite the gradebook or the
data other students are graded with, reach the network or hang the grader. Here, each kernel that grading
starts runs inside bubblewrap (`bwrap`, a Debian package; no daemon, no Docker), and sees:
- read-only: the operating system (/usr), the Python installation and the course's virtual environment,
  the course package, and the files of its own lesson folder (the notebook and the lesson's data);
- writable, thrown away with the kernel: its working folder and /tmp, both small in-memory file systems;
- the folder of its connection sockets: the kernel talks to the grader over local (IPC) sockets, files in
  that folder, which work without a network, so the kernel gets no network at all (a namespace of its own,
  with only a loopback interface);
- nothing else: not the course folder (solutions/, gradebook.db, submitted/, autograded/, other students),
  not the home folder, not the grader's environment variables.
It runs with limits on CPU time, memory, processes, file size and open files (`prlimit`, inside the sandbox so
the process limit counts the sandbox's processes only), and when the grader runs as root, as a user id of its
own with no privileges. Wall time and output size are limited by the grading (guarded_execute.py).
"""

from __future__ import annotations

import functools
import itertools
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from jupyter_client.manager import AsyncKernelManager
from traitlets import Any as AnyTrait

from likes_to_ledger.errors import CourseError

MIB = 1024 * 1024


class SandboxUnavailable(CourseError, RuntimeError):
    """bubblewrap is missing or cannot create a sandbox here; the message says what to do."""


@dataclass(frozen=True)
class Limits:
    """What one notebook's kernel may use. Lessons need a few seconds and a few hundred MB."""

    cpu_seconds: int = 300  # CPU time of the whole kernel; the kernel is killed when it is used up
    memory_bytes: int = 4096 * MIB  # address space per process: a bigger allocation fails with MemoryError
    processes: int = 64  # processes and threads together: a fork bomb stops there
    file_bytes: int = 64 * MIB  # the largest file the kernel may write
    open_files: int = 256
    scratch_bytes: int = 256 * MIB  # the working folder and /tmp, each: in memory, thrown away
    wall_seconds: int = 300  # the whole notebook (guarded_execute.py)
    cell_seconds: int = 30  # one cell, before it is interrupted (nbgrader's own timeout and default)
    output_bytes: int = 2 * MIB  # outputs kept per notebook (guarded_execute.py)


DEFAULT_LIMITS = Limits()

# Environment variables a kernel needs; everything else of the grader's environment stays outside.
PASSED_PREFIXES = ("COURSE_", "LIKES_TO_LEDGER_", "JPY_")
PASSED_NAMES = ("LANG", "LC_ALL", "LC_CTYPE", "TZ")
# The kernels' user ids when the grader runs as root: one per kernel, so the process limit is per kernel.
FIRST_SANDBOX_UID = 3_100_000
_uids = itertools.count()


def kernel_uid() -> int | None:
    """The user id a new kernel runs as: one of its own when the grader is root, else the grader's."""
    if os.geteuid() != 0:
        return None
    return FIRST_SANDBOX_UID + os.getpid() % 10_000 * 100 + next(_uids) % 100


def bwrap_path() -> str | None:
    return shutil.which("bwrap")


@functools.lru_cache(maxsize=1)
def unavailable_reason() -> str | None:
    """Why no sandbox can be made on this machine, or None when one can (tried once per process)."""
    if sys.platform != "linux":
        return "bubblewrap, which isolates the grading, exists on Linux only"
    bwrap = bwrap_path()
    if bwrap is None:
        return "bubblewrap is not installed (Debian/Ubuntu: `sudo apt-get install bubblewrap`)"
    for tool in ("prlimit", "setpriv"):
        if shutil.which(tool) is None:
            return f"`{tool}` (util-linux) is not installed"
    probe = subprocess.run(
        [bwrap, *_namespace_options(), *_system_binds(), "--", "/bin/true"],
        capture_output=True,
        text=True,
    )
    if probe.returncode != 0:
        return (
            f"bubblewrap cannot create a sandbox here ({probe.stderr.strip() or probe.returncode}); "
            "unprivileged user namespaces may be disabled"
        )
    return None


def require_sandbox() -> None:
    reason = unavailable_reason()
    if reason is not None:
        raise SandboxUnavailable(
            f"Submissions are graded in a sandbox, but {reason}. Install it, or grade on a Linux machine "
            "that has it (e.g. the JupyterHub). To grade without isolation anyway, trusting every "
            "submission with your files and network, add --no-sandbox."
        )


def _namespace_options() -> list[str]:
    options = [
        "--unshare-net",
        "--unshare-pid",
        "--unshare-ipc",
        "--unshare-uts",
        "--unshare-cgroup-try",
        "--die-with-parent",  # the kernel goes when its grader goes
        "--hostname",
        "sandbox",
    ]
    if os.geteuid() != 0:
        options.append("--unshare-user")  # how an ordinary user may make namespaces at all
    return options


def _system_binds() -> list[str]:
    """The operating system, read-only: /usr and its usual links, and the few files of /etc Python reads."""
    binds = ["--ro-bind", "/usr", "/usr", "--proc", "/proc", "--dev", "/dev"]
    for name in ("bin", "sbin", "lib", "lib32", "lib64", "libx32"):
        path = Path("/", name)
        if path.is_symlink():
            binds += ["--symlink", os.readlink(path), str(path)]
        elif path.is_dir():
            binds += ["--ro-bind", str(path), str(path)]
    for name in ("/etc/localtime", "/etc/ld.so.cache", "/etc/alternatives", "/etc/fonts", "/etc/mime.types"):
        if os.path.exists(name):
            binds += ["--ro-bind", name, name]
    return binds


def _python_binds() -> list[str]:
    """The Python the kernel runs: its installation, the virtual environment, the course package (an
    editable install imports it from the course folder)."""
    import likes_to_ledger

    folders = {Path(sys.base_prefix), Path(sys.prefix), Path(likes_to_ledger.__file__).parent}
    binds = []
    for folder in sorted(folders):
        # Bound where it really is and where Python was told it is, should a link lie in between.
        for seen_as in sorted({folder.resolve(), folder.absolute()}):
            if folder.is_dir():
                binds += ["--ro-bind", str(folder.resolve()), str(seen_as)]
    return binds


def _parent_folders(mounted: list[Path]) -> list[str]:
    """Create the folders above each mount point, traversable by the kernel's user (bwrap makes them 0700)."""
    parents = {parent for path in mounted for parent in path.parents}
    parents -= {Path("/"), Path("/tmp"), Path("/usr"), Path("/proc"), Path("/dev")}
    options = []
    for parent in sorted(parents, key=lambda path: len(path.parts)):
        options += ["--perms", "0755", "--dir", str(parent)]
    return options


@functools.lru_cache(maxsize=1)
def _matplotlib_font_list() -> list[str]:
    """matplotlib's list of fonts, made once outside and shown read-only inside: a kernel would otherwise
    rebuild it on every import (a second, and `fc-list` complaining on stderr into a check's output)."""
    try:
        import matplotlib
        from matplotlib import font_manager
    except ImportError:
        return []
    built = Path(matplotlib.get_cachedir()) / f"fontlist-v{font_manager.FontManager.__version__}.json"
    if not built.is_file():
        font_manager.json_dump(font_manager.fontManager, built)
    inside = Path("/tmp/matplotlib") / built.name
    return ["--perms", "0777", "--dir", str(inside.parent), "--ro-bind", str(built), str(inside)]


def _environment(launch_env: dict[str, str]) -> list[str]:
    python_bins = [str(Path(sys.executable).parent), str(Path(sys.base_prefix) / "bin")]
    env = {
        "PATH": os.pathsep.join(dict.fromkeys([*python_bins, "/usr/bin", "/bin"])),
        "HOME": "/tmp",
        "TMPDIR": "/tmp",
        "LANG": "C.UTF-8",
        "PYTHONNOUSERSITE": "1",
        "PYTHONDONTWRITEBYTECODE": "1",
        "MPLCONFIGDIR": "/tmp/matplotlib",
        "IPYTHONDIR": "/tmp/ipython",
        "XDG_CACHE_HOME": "/tmp/cache",
        # One thread per numerical library: graders run several kernels side by side already.
        "OPENBLAS_NUM_THREADS": "1",
        "OMP_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
        "PYDEVD_DISABLE_FILE_VALIDATION": "1",
    }
    for name, value in launch_env.items():
        if name.startswith(PASSED_PREFIXES) or name in PASSED_NAMES:
            env[name] = value
    # The kernel's parent inside is the sandbox's pid 1: polling it is useless (--die-with-parent does that
    # job), and with no parent at all ipykernel prints its connection details to the grader's terminal.
    env["JPY_PARENT_PID"] = "1"
    options = ["--clearenv"]
    for name, value in env.items():
        options += ["--setenv", name, value]
    return options


def sandboxed_command(
    kernel_command: list[str],
    working_folder: Path,
    sockets_folder: Path,
    launch_env: dict[str, str],
    limits: Limits = DEFAULT_LIMITS,
    uid: int | None = None,
) -> list[str]:
    """The command that runs `kernel_command` in a sandbox, in (a throwaway view of) `working_folder`."""
    bwrap = bwrap_path()
    if bwrap is None:
        raise SandboxUnavailable(unavailable_reason() or "bubblewrap is not installed")
    working_folder = working_folder.resolve()
    command = [bwrap, *_namespace_options(), *_system_binds()]
    command += ["--perms", "1777", "--size", str(limits.scratch_bytes), "--tmpfs", "/tmp"]
    python = _python_binds()
    mounted = [Path(python[i + 2]) for i in range(0, len(python), 3)] + [working_folder, sockets_folder]
    command += _parent_folders(mounted)
    command += python
    # The working folder: an empty in-memory folder at the same path, with the lesson's files read-only in
    # it; whatever the notebook writes stays in there and vanishes with the kernel.
    command += ["--perms", "0777", "--size", str(limits.scratch_bytes), "--tmpfs", str(working_folder)]
    for entry in sorted(working_folder.iterdir()):
        command += ["--ro-bind", str(entry), str(entry)]
    command += ["--bind", str(sockets_folder), str(sockets_folder)]
    command += _matplotlib_font_list()
    command += _environment(launch_env)
    command += ["--chdir", str(working_folder), "--remount-ro", "/"]
    command += [
        "--",
        "prlimit",
        f"--cpu={limits.cpu_seconds}:{limits.cpu_seconds + 5}",  # SIGXCPU first, SIGKILL 5 s later
        f"--as={limits.memory_bytes}",
        f"--nproc={limits.processes}",
        f"--fsize={limits.file_bytes}",
        f"--nofile={limits.open_files}",
        "--core=0",
        "--",
    ]
    if uid is not None:
        # Root inside would keep root's rights and escape the process limit: drop to a user of its own.
        command[1:1] = ["--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID"]
        command += [
            "setpriv",
            f"--reuid={uid}",
            f"--regid={uid}",
            "--clear-groups",
            "--no-new-privs",
            "--inh-caps=-all",
            "--bounding-set=-all",
            "--",
        ]
    return command + kernel_command


class SandboxedKernelManager(AsyncKernelManager):
    """A kernel manager whose kernels run in the sandbox, talking over IPC sockets of a folder of their own.

    nbgrader and `course check` start kernels through nbclient, which takes this class as its
    `kernel_manager_class`."""

    limits = AnyTrait(DEFAULT_LIMITS, help="a sandbox.Limits").tag(config=True)

    async def _async_pre_start_kernel(self, **kw):
        # A fresh folder per kernel for its sockets and connection file (readable by the kernel's user).
        self._uid = kernel_uid()
        self._sockets_folder = Path(tempfile.mkdtemp(prefix="kernel-"))  # mode 0700
        if self._uid is not None:
            os.chown(self._sockets_folder, self._uid, self._uid)
        self.transport = "ipc"
        self.ip = str(self._sockets_folder / "k")
        self.connection_file = str(self._sockets_folder / "connection.json")
        self._working_folder = Path(kw.get("cwd") or os.getcwd())
        # A signal sent to the kernel's process group doesn't cross into the sandbox's process namespace;
        # an interrupt request on the control channel does (ipykernel then interrupts itself).
        self.kernel_spec.interrupt_mode = "message"
        return await super()._async_pre_start_kernel(**kw)

    def write_connection_file(self, **kwargs) -> None:
        super().write_connection_file(**kwargs)
        if self._uid is not None:  # the kernel's own user must read it
            os.chown(self.connection_file, self._uid, self._uid)

    def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
        command = super().format_kernel_cmd(extra_arguments)
        launch_env = dict(self._launch_args.get("env") or os.environ)
        return sandboxed_command(
            command, self._working_folder, self._sockets_folder, launch_env, self.limits, self._uid
        )

    async def _async_cleanup_resources(self, restart: bool = False) -> None:
        await super()._async_cleanup_resources(restart=restart)
        if not restart:
            shutil.rmtree(getattr(self, "_sockets_folder", ""), ignore_errors=True)
