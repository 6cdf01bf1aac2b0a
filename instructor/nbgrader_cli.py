"""Running nbgrader's commands in a course folder."""
import subprocess
import sys


class NbgraderError(RuntimeError):
    """An nbgrader command failed; the message holds the command and the end of its log."""


def nbgrader(course_root, *args, timeout=3600):
    """Run ``nbgrader ARGS`` in ``course_root`` (where it reads nbgrader_config.py).

    Raises:
        NbgraderError: on a non-zero exit, with the last lines nbgrader printed.
    """
    command = [sys.executable, "-m", "nbgrader", *map(str, args)]
    proc = subprocess.run(command, cwd=course_root, capture_output=True, text=True, timeout=timeout)
    if proc.returncode != 0:
        log = (proc.stdout + proc.stderr).strip().splitlines()
        raise NbgraderError(f"`nbgrader {' '.join(map(str, args))}` failed with exit code "
                            f"{proc.returncode} in {course_root}:\n" + "\n".join(log[-30:]))
    return proc
