"""Confinement of the kernels that run student code while nbgrader grades.

nbgrader starts one Jupyter kernel per submission, with the instructor's rights and the
submission folder as working directory. :class:`ConfinedKernelManager` starts that kernel
inside bubblewrap instead:

- a fresh mount namespace that shows only the system (``/usr``, ``/etc``, ... read-only),
  the Python installation (read-only), ``rnn_utils`` (read-only) and a private,
  size-limited ``/tmp`` holding the working folder, where the submission's own files are
  bound read-only; the course folder, the master, the gradebook, other submissions and the
  instructor's home are simply not there, and nothing the code writes outlives the kernel;
- no network (only a loopback of its own), its own process, IPC and hostname namespaces,
  ended with its parent;
- no privileges, and resource limits: address space, CPU time, processes and threads, file
  size, open files. Graded as root (a grading server, CI), the kernel runs as the
  unprivileged uid 65534, for which the process limit counts sandboxed processes only;
  graded as a normal user, it gets a user namespace of its own and the instructor's uid;
- the kernel talks to nbgrader over ZeroMQ IPC sockets in a private folder bound in, since
  it has no network through which TCP could reach it; once it is up, that folder is sealed.

Limits and the sandbox user are settings of the manager (``c.ConfinedKernelManager.*`` in
nbgrader_config.py). :func:`require_bubblewrap` refuses to grade when bwrap is missing,
unless the instructor sets ``RNN_COURSE_UNCONFINED=1``.
"""
import functools
import os
import shutil
import subprocess
import sys
import tempfile
import weakref
from pathlib import Path

from jupyter_client.manager import AsyncKernelManager
from traitlets import Int, Unicode, default

UNCONFINED_ENV = "RNN_COURSE_UNCONFINED"
# Variables a kernel may see; everything else in the instructor's environment stays out.
PASSED_ENV = ("LANG", "LC_ALL", "LC_CTYPE", "NBGRADER_EXECUTION", "NBGRADER_VALIDATING",
              "JPY_SESSION_NAME", "PYDEVD_DISABLE_FILE_VALIDATION", "OMP_NUM_THREADS",
              "MKL_NUM_THREADS")
INSTALL_HINT = ("Install bubblewrap (Debian/Ubuntu: `sudo apt-get install bubblewrap`; Fedora: "
                "`sudo dnf install bubblewrap`), or run scripts/demo.sh, which installs it. "
                f"To grade without confinement on a machine you trust, set {UNCONFINED_ENV}=1.")


class SandboxUnavailable(RuntimeError):
    """Student code would run unconfined; the message says how to fix that."""


def unconfined_requested():
    return os.environ.get(UNCONFINED_ENV) == "1"


def bwrap_path():
    return shutil.which("bwrap")


@functools.lru_cache(maxsize=None)
def require_bubblewrap():
    """The bwrap executable, after checking (once per process) that it can start a sandbox."""
    bwrap = bwrap_path()
    if bwrap is None:
        raise SandboxUnavailable("bubblewrap (bwrap) is not installed, so student code cannot be "
                                 "confined while grading. " + INSTALL_HINT)
    probe = subprocess.run([bwrap, *_system_binds(), "--unshare-all", "--die-with-parent",
                            "--", "true"], capture_output=True, text=True)
    if probe.returncode != 0:
        raise SandboxUnavailable(f"bubblewrap is installed but cannot start a sandbox here: "
                                 f"{probe.stderr.strip()}. " + INSTALL_HINT)
    return bwrap


def _system_binds():
    """Read-only views of the system folders; merged-/usr symlinks are recreated as links."""
    args = []
    for top in ("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/etc"):
        path = Path(top)
        if path.is_symlink():
            args += ["--symlink", os.readlink(path), top]
        elif path.is_dir():
            args += ["--ro-bind", top, top]
    return args


def _python_binds():
    """The interpreter, its standard library and site-packages, and rnn_utils, read-only.

    Their parent folders are made traversable (bwrap would copy the modes of the host's, and
    a home folder is usually private) but stay empty.
    """
    import rnn_utils

    places = {Path(sys.prefix), Path(sys.base_prefix), Path(rnn_utils.__file__).resolve().parent}
    places = sorted(p for p in places if not str(p).startswith(("/usr/", "/bin/", "/lib")))
    parents = sorted({a for p in places for a in p.parents if a != Path("/") and a != Path("/tmp")})
    args = []
    for parent in parents:
        args += ["--perms", "0755", "--dir", str(parent)]
    for place in places:
        args += ["--ro-bind", str(place), str(place)]
    return args


class ConfinedKernelManager(AsyncKernelManager):
    """Starts every kernel in a bubblewrap sandbox (see the module's docstring)."""

    sandbox_uid = Int(config=True, help="uid the kernel runs as when grading as root "
                      "(default: $RNN_COURSE_SANDBOX_UID, else 65534; parallel workers differ)")
    sandbox_gid = Int(65534, config=True, help="gid the kernel runs as when grading as root")
    memory_limit_mb = Int(6144, config=True, help="address space of the kernel, MiB")
    cpu_limit_s = Int(900, config=True, help="CPU time of the kernel, seconds")
    process_limit = Int(512, config=True,
                        help="processes and threads of the kernel's user, all its kernels together")
    file_size_limit_mb = Int(64, config=True, help="largest file the kernel may write, MiB")
    tmp_size_mb = Int(512, config=True,
                      help="size of the kernel's private /tmp, which also holds its working folder")
    bwrap = Unicode("", config=True, help="path of bwrap; found on PATH when empty")

    _private = None

    @default("sandbox_uid")
    def _default_sandbox_uid(self):
        return int(os.environ.get("RNN_COURSE_SANDBOX_UID", 65534))

    @property
    def as_root(self):
        return os.geteuid() == 0

    def _limits(self):
        nproc = self.process_limit
        if not self.as_root:
            # The kernel shares the instructor's uid: leave room for what already runs.
            nproc += len([p for p in os.listdir("/proc") if p.isdigit()])
        return [f"--as={self.memory_limit_mb * 2**20}", f"--cpu={self.cpu_limit_s}",
                f"--nproc={nproc}", f"--fsize={self.file_size_limit_mb * 2**20}",
                "--nofile=1024", "--core=0"]

    def _identity(self):
        """As root: drop to a real unprivileged uid without capabilities (the process limit
        then counts only sandboxed processes). Otherwise: a user namespace of one's own."""
        if self.as_root:
            setpriv = shutil.which("setpriv", path="/usr/bin:/bin") or "/usr/bin/setpriv"
            return [], [setpriv, f"--reuid={self.sandbox_uid}", f"--regid={self.sandbox_gid}",
                        "--clear-groups", "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs", "--"]
        return ["--unshare-user", "--cap-drop", "ALL"], []

    async def _async_pre_start_kernel(self, **kw):
        bwrap = self.bwrap or require_bubblewrap()
        source = Path(kw.get("cwd") or os.getcwd())
        # The connection file and the IPC sockets live in a private folder bound in.
        self._private = Path(tempfile.mkdtemp(prefix="confined-kernel-"))
        self.transport = "ipc"
        self.connection_file = str(self._private / "kernel.json")
        self.ip = str(self._private / "kernel-ipc")
        weakref.finalize(self, shutil.rmtree, str(self._private), True)  # even if a shutdown fails
        kernel_cmd, kw = await super()._async_pre_start_kernel(**kw)
        # A signal would reach bwrap, not the kernel (and end the sandbox): interrupt by message.
        self.kernel_spec.interrupt_mode = "message"
        if self.as_root:
            for path in (self._private, Path(self.connection_file)):
                os.chown(path, self.sandbox_uid, self.sandbox_gid)
        os.chmod(self._private, 0o700)

        env = {k: v for k, v in (kw.get("env") or os.environ).items() if k in PASSED_ENV}
        env.update(HOME="/tmp", TMPDIR="/tmp", MPLCONFIGDIR="/tmp", PYTHONDONTWRITEBYTECODE="1",
                   PATH=f"{Path(sys.executable).parent}:/usr/bin:/bin")
        kw["env"] = env
        kw["cwd"] = str(self._private)
        # The working folder is on the size-limited /tmp; the submission's files are in it,
        # read-only, and whatever the code writes stays there and goes with the sandbox.
        workdir = "/tmp/work"
        submission = []
        for entry in sorted(source.iterdir()) if source.is_dir() else []:
            submission += ["--ro-bind", str(entry), f"{workdir}/{entry.name}"]
        namespace_args, drop_privileges = self._identity()
        sandbox = [
            bwrap, *_system_binds(),
            # /tmp first: the binds below may lie under the host's /tmp and go on top of it.
            "--size", str(self.tmp_size_mb * 2**20), "--perms", "1777", "--tmpfs", "/tmp",
            "--perms", "0777", "--dir", workdir, *submission,
            *_python_binds(),
            "--bind", str(self._private), str(self._private),
            "--proc", "/proc", "--dev", "/dev",
            "--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts", "--unshare-cgroup-try",
            *namespace_args,
            "--die-with-parent", "--new-session",
            # jupyter_client names its own pid here; in the kernel's pid namespace that process
            # is not visible and the kernel would shut down at once. --die-with-parent does
            # the watching instead.
            "--unsetenv", "JPY_PARENT_PID",
            "--chdir", workdir,
            "--", *drop_privileges,
            shutil.which("prlimit", path="/usr/bin:/bin") or "/usr/bin/prlimit", *self._limits(), "--",
        ]
        return sandbox + kernel_cmd, kw

    def seal(self):
        """Once the kernel has made its sockets: no new files in the private folder (as root;
        otherwise the kernel shares the folder's owner and could undo it)."""
        if self._private is not None and self.as_root:
            os.chown(self._private, 0, 0)
            os.chmod(self._private, 0o755)

    async def _async_cleanup_resources(self, restart=False):
        try:
            await super()._async_cleanup_resources(restart=restart)
        finally:
            if self._private is not None and not restart:
                shutil.rmtree(self._private, ignore_errors=True)
                self._private = None
