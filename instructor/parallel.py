"""Autograde many submissions at once on one machine.

    python -m instructor.parallel [--workers N] [--student GLOB] [--force]

Each worker process loads nbgrader and the course configuration once, then autogrades one
submission after another (each in its own confined kernel), taking the next from a shared
queue. All of them write to the one SQLite gradebook: its connections wait for a lock for
up to five minutes instead of failing with "database is locked", and each submission's
grades are written in nbgrader's own transaction, so none is lost or half-written. Each
worker's kernels run as their own sandbox user, so that one submission's fork bomb cannot
use up the process limit of the others graded at the same time, and get cores / workers
threads, so that they do not oversubscribe the cores.
"""
import argparse
import fnmatch
import multiprocessing
import os
import time
from pathlib import Path

from .course import ASSIGNMENT, REPO_ROOT

DB_LOCK_TIMEOUT_S = 300
_api = None


def submitted_students(course_root, pattern="*"):
    folder = Path(course_root) / "submitted"
    return sorted(p.name for p in folder.iterdir()
                  if (p / ASSIGNMENT).is_dir() and fnmatch.fnmatch(p.name, pattern)) if folder.is_dir() else []


def _start_worker(course_root, sandbox_uids, threads):
    from nbgrader.apps import NbGraderAPI
    from traitlets.config.loader import PyFileConfigLoader

    global _api
    os.chdir(course_root)
    os.environ["RNN_COURSE_SANDBOX_UID"] = str(sandbox_uids.get())
    # Kernels of different workers must not fight over cores: OpenMP threads that outnumber
    # the cores spin against each other and run several times slower than one thread.
    os.environ["OMP_NUM_THREADS"] = os.environ["MKL_NUM_THREADS"] = str(threads)
    config = PyFileConfigLoader("nbgrader_config.py", path=str(course_root)).load_config()
    config.CourseDirectory.root = str(course_root)
    config.CourseDirectory.db_url = f"sqlite:///{Path(course_root) / 'gradebook.db'}?timeout={DB_LOCK_TIMEOUT_S}"
    _api = NbGraderAPI(config=config)


def _grade(student, force):
    started = time.perf_counter()
    result = _api.autograde(ASSIGNMENT, student, force=force, create=True)
    return student, bool(result.get("success")), time.perf_counter() - started, result.get("error", "")


def grade_in_parallel(course_root, students, workers=None, force=True, log=print):
    """Autograde ``students`` with ``workers`` processes; {student: (ok, seconds, error)}."""
    workers = max(1, min(workers or os.cpu_count() or 1, len(students) or 1))
    context = multiprocessing.get_context("spawn")
    sandbox_uids = context.Queue()
    for k in range(workers):
        sandbox_uids.put(65534 - k)
    results = {}
    threads = max(1, (os.cpu_count() or 1) // workers)
    with context.Pool(workers, initializer=_start_worker,
                      initargs=(str(course_root), sandbox_uids, threads)) as pool:
        jobs = [pool.apply_async(_grade, (student, force)) for student in students]
        for job in jobs:
            student, ok, seconds, error = job.get()
            results[student] = (ok, seconds, error)
            log(f"{'graded' if ok else 'FAILED'} {student} in {seconds:.1f} s")
    return results


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=os.cpu_count(), help="processes (default: cores)")
    parser.add_argument("--student", default="*", help="glob of student ids (default: all submitted)")
    parser.add_argument("--force", action="store_true", help="regrade submissions already graded")
    parser.add_argument("--course-root", type=Path, default=REPO_ROOT)
    args = parser.parse_args(argv)
    students = submitted_students(args.course_root, args.student)
    if not students:
        raise SystemExit(f"no submission matches {args.student!r} in {args.course_root / 'submitted'}")
    started = time.perf_counter()
    results = grade_in_parallel(args.course_root, students, args.workers, args.force)
    failed = [s for s, (ok, _, _) in results.items() if not ok]
    print(f"{len(results) - len(failed)}/{len(results)} graded in {time.perf_counter() - started:.0f} s "
          f"with {args.workers} workers" + (f"; failed: {', '.join(failed)}" if failed else ""))
    for student in failed:
        print(f"--- {student}\n{results[student][2][-2000:]}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
