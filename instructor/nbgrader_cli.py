"""Running nbgrader's commands in a course folder."""
import os
import subprocess
import sys
from pathlib import Path


class NbgraderError(RuntimeError):
    """An nbgrader command failed; the message holds the command and the end of its log."""


def nbgrader(course_root, *args, timeout=3600, env=None):
    """Run ``nbgrader ARGS`` in ``course_root`` (where it reads nbgrader_config.py), with this
    interpreter's scripts first on PATH (nbgrader calls ``alembic`` from there).

    Raises:
        NbgraderError: on a non-zero exit, with the last lines nbgrader printed.
    """
    command = [sys.executable, "-m", "nbgrader", *map(str, args)]
    env = dict(os.environ if env is None else env)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    proc = subprocess.run(command, cwd=course_root, capture_output=True, text=True, timeout=timeout,
                          env=env)
    if proc.returncode != 0:
        log = (proc.stdout + proc.stderr).strip().splitlines()
        raise NbgraderError(f"`nbgrader {' '.join(map(str, args))}` failed with exit code "
                            f"{proc.returncode} in {course_root}:\n" + "\n".join(log[-30:]))
    return proc
