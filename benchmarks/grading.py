"""How long grading takes: one submission, split into its parts, and many at once.

    python benchmarks/grading.py latency               # one submission, confined and not
    python benchmarks/grading.py throughput [-n 50]    # n submissions, 1 worker and --workers

Works in a scratch course (the course's own gradebook is never touched), with the reference
solution as every submission.

latency: the wall time of `nbgrader autograde` for one submission, confined and unconfined
(RNN_COURSE_UNCONFINED=1) in the same run, best of two alternating runs each, their ratio
being the cost of confinement; then
the same notebook run cell by cell in a confined and in a plain kernel, split into kernel
start, the setup cell (imports), the student's solution cells, the training cells and the
test cells. Baseline: nbgrader's own start-up (`nbgrader --version`).

throughput: n submissions graded by one `nbgrader autograde` run (sequential, the baseline)
and by `instructor.parallel` with the given workers; prints the speed-up.
"""
import argparse
import os
import platform
import tempfile
import time
from pathlib import Path

import nbformat
import torch
from nbclient import NotebookClient

from instructor.course import ASSIGNMENT, make_scratch_course, notebook_path
from instructor.nbgrader_cli import nbgrader
from instructor.parallel import grade_in_parallel
from instructor.sandbox import ConfinedKernelManager
from instructor.submissions import make_submission, reference_answers


def _nbgrader(course, *args, unconfined=False):
    env = {k: v for k, v in os.environ.items() if k not in ("NBGRADER_EXECUTION", "RNN_COURSE_UNCONFINED")}
    if unconfined:
        env["RNN_COURSE_UNCONFINED"] = "1"
    started = time.perf_counter()
    nbgrader(course, *args, env=env)
    return time.perf_counter() - started


def _course(scratch, students):
    course = make_scratch_course(scratch)
    _nbgrader(course, "generate_assignment", ASSIGNMENT)
    reference = reference_answers(notebook_path(course, "source"))
    for student in students:
        make_submission(course, student, reference)
    return course


def _cell_groups(nb):
    groups = {}
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("solution"):
            group = "student's cells"
        elif meta.get("grade"):
            group = "test cells"
        elif cell.id.startswith("train_") and cell.id != "train_model":
            group = "training cells"
        elif cell.id == "setup":
            group = "setup (imports)"
        else:
            group = "other cells"
        groups.setdefault(group, []).append(cell)
    return groups


def _split(notebook, manager_class):
    nb = nbformat.read(notebook, as_version=4)
    os.environ["NBGRADER_EXECUTION"] = "autograde"
    kwargs = {"kernel_manager_class": manager_class} if manager_class else {}
    client = NotebookClient(nb, timeout=120, allow_errors=True, kernel_name="python3",
                            resources={"metadata": {"path": str(Path(notebook).parent)}}, **kwargs)
    spent = {}
    started = time.perf_counter()
    with client.setup_kernel():
        spent["kernel start"] = time.perf_counter() - started
        groups = _cell_groups(nb)
        owner = {id(c): g for g, cells in groups.items() for c in cells}
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            t0 = time.perf_counter()
            client.execute_cell(cell, index)
            spent[owner[id(cell)]] = spent.get(owner[id(cell)], 0.0) + time.perf_counter() - t0
    os.environ.pop("NBGRADER_EXECUTION")
    return spent


def latency():
    with tempfile.TemporaryDirectory() as scratch:
        course = _course(scratch, ["confined", "plain"])
        startup = _nbgrader(course, "--version")
        confined, plain = [], []
        for _ in range(2):  # alternating, best of two: the first run in a course pays set-up costs
            plain.append(_nbgrader(course, "autograde", ASSIGNMENT, "--student", "plain", "--force",
                                   unconfined=True))
            confined.append(_nbgrader(course, "autograde", ASSIGNMENT, "--student", "confined", "--force"))
        confined, plain = min(confined), min(plain)
        print(f"nbgrader start-up alone: {startup:.1f} s (baseline)")
        print(f"autograde, one submission, confined:   {confined:5.1f} s ({confined / startup:.2f}x start-up)")
        print(f"autograde, one submission, unconfined: {plain:5.1f} s ({plain / startup:.2f}x start-up)")
        print(f"confinement overhead: {confined / plain:.2f}x unconfined grading, "
              f"{confined - plain:+.1f} s per submission")
        notebook = notebook_path(course, "submitted", "confined")
        split_confined = _split(notebook, ConfinedKernelManager)
        split_plain = _split(notebook, None)
    print(f"\n{'part':<18} {'confined s':>10} {'plain s':>8} {'ratio':>6}")
    for part in ("kernel start", "setup (imports)", "student's cells", "training cells", "test cells", "other cells"):
        a, b = split_confined.get(part, 0.0), split_plain.get(part, 0.0)
        print(f"{part:<18} {a:10.2f} {b:8.2f} {a / b if b else float('nan'):6.2f}")
    print(f"{'total in kernel':<18} {sum(split_confined.values()):10.2f} {sum(split_plain.values()):8.2f}")


def throughput(n, workers):
    students = [f"bench-{i:03d}" for i in range(n)]
    with tempfile.TemporaryDirectory() as scratch:
        course = _course(scratch, students)
        sequential = _nbgrader(course, "autograde", ASSIGNMENT)
        started = time.perf_counter()
        results = grade_in_parallel(course, students, workers=workers, log=lambda *a: None)
        parallel = time.perf_counter() - started
    failed = [s for s, (ok, _, _) in results.items() if not ok]
    print(f"{n} submissions, one nbgrader autograde run: {sequential:.0f} s ({sequential / n:.1f} s each; baseline)")
    print(f"{n} submissions, {workers} workers:              {parallel:.0f} s ({parallel / n:.1f} s each)")
    print(f"speed-up: {sequential / parallel:.2f}x" + (f"; FAILED: {failed}" if failed else ""))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=("latency", "throughput"))
    parser.add_argument("-n", type=int, default=50, help="submissions for throughput")
    parser.add_argument("--workers", type=int, default=os.cpu_count())
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, torch {torch.__version__}")
    latency() if args.what == "latency" else throughput(args.n, args.workers)


if __name__ == "__main__":
    main()
