"""Grade the library of wrong and correct submissions with nbgrader and say how the hidden
tests fared: every wrong one must lose points in its own piece (and may lose in the pieces
that call it), every correct one must earn every autograded point.

    python -m instructor.grader_check

Works in a scratch copy of the course, so the course's own gradebook is never touched.
Exits with status 1 when a wrong submission slips through or a correct one loses points.
"""
import argparse
import sys
import tempfile
import time
from dataclasses import dataclass

from . import library
from .course import ASSIGNMENT, PIECES, make_scratch_course, notebook_path
from .nbgrader_cli import nbgrader
from .parallel import grade_in_parallel
from .report import grade_table
from .submissions import make_submission, reference_answers


@dataclass
class Verdict:
    entry: library.Entry
    row: dict

    def lost_in(self):
        return [p for p in PIECES if self.row[p][0] < self.row[p][1]]

    @property
    def as_expected(self):
        lost = set(self.lost_in())
        if self.entry.wrong:
            return self.entry.piece in lost and lost <= self.entry.may_lose()
        return not lost


def grade_library(course_root, entries, workers=1):
    """Submit every entry as the reference with its one cell replaced; autograde them all in
    one nbgrader run, or with ``workers`` processes (instructor.parallel). The course must
    have its release/ generated."""
    reference = reference_answers(notebook_path(course_root, "source"))
    for entry in entries:
        make_submission(course_root, entry.student, {**reference, entry.piece: entry.source})
    if workers > 1:
        results = grade_in_parallel(course_root, [e.student for e in entries], workers, log=lambda *a: None)
        failed = {s: error[-500:] for s, (ok, _, error) in results.items() if not ok}
        if failed:
            raise RuntimeError(f"autograding failed for {sorted(failed)}: {failed}")
    else:
        nbgrader(course_root, "autograde", ASSIGNMENT, "--student", "lib-*")
    table = grade_table(course_root)
    return [Verdict(entry, table[entry.student]) for entry in entries]


def format_report(verdicts):
    width = max(len(v.entry.name) for v in verdicts)
    lines = [f"{'submission':<{width}}  {'expected':<8}  " + "  ".join(f"{p[:12]:>12}" for p in PIECES)
             + "  ok  what"]
    for v in verdicts:
        points = "  ".join(f"{v.row[p][0]:g}/{v.row[p][1]:g}".rjust(12) for p in PIECES)
        expected = "wrong" if v.entry.wrong else "correct"
        lines.append(f"{v.entry.name:<{width}}  {expected:<8}  {points}  {'yes' if v.as_expected else 'NO '}"
                     f"  {v.entry.what}")
    wrong = [v for v in verdicts if v.entry.wrong]
    right = [v for v in verdicts if not v.entry.wrong]
    lines.append(f"caught {sum(v.as_expected for v in wrong)}/{len(wrong)} wrong submissions in their own piece; "
                 f"{sum(v.as_expected for v in right)}/{len(right)} correct ones at full marks")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=1,
                        help="grade with this many processes instead of one autograde run")
    args = parser.parse_args(argv)
    entries = library.load()
    with tempfile.TemporaryDirectory(prefix="grader-check-") as scratch:
        course = make_scratch_course(scratch)
        nbgrader(course, "generate_assignment", ASSIGNMENT)
        started = time.perf_counter()
        verdicts = grade_library(course, entries, args.workers)
        seconds = time.perf_counter() - started
    print(format_report(verdicts))
    how = "one autograde run" if args.workers == 1 else f"{args.workers} workers"
    print(f"graded {len(entries)} submissions with {how}: {seconds:.0f} s "
          f"({seconds / len(entries):.1f} s each)")
    return 0 if all(v.as_expected for v in verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
