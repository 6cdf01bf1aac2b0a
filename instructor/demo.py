"""The course's main job, end to end, on three demo students.

    python -m instructor.demo

1. regenerates the student version ``release/`` from ``source/``;
2. writes the demo submissions into ``submitted/``: ``demo-reference`` (the master's
   solutions), ``demo-untouched`` (the student version as released) and ``demo-partial``
   (the seminar's own slips in RNNLayer and HandmadeLSTM, Zoneout not attempted);
3. autogrades them (and only them: real students in the same course are left alone) into
   ``autograded/`` and the gradebook;
4. exports the grades to ``grades.csv`` and the feedback to ``feedback/``;
5. prints the points of each student for each piece.

Every step overwrites what an earlier run made, so running it again gives the same result.
"""
import argparse
import time
from pathlib import Path

from .course import ASSIGNMENT, REPO_ROOT, notebook_path
from .nbgrader_cli import nbgrader
from .report import format_table, grade_table, grading_flags
from .submissions import make_submission, reference_answers

DEMO_CODE = Path(__file__).resolve().parent / "demo_submissions"


def demo_students(course_root):
    """student -> {grade_id: source} of the solution cells each demo student changed."""
    reference = reference_answers(notebook_path(course_root, "source"))
    partial = {k: v for k, v in reference.items() if k != "Zoneout"}  # Zoneout left as released
    for path in sorted((DEMO_CODE / "partial").glob("*.py")):
        partial[path.stem] = path.read_text()
    return {"demo-reference": reference, "demo-untouched": {}, "demo-partial": partial}


def generate_release(course_root):
    nbgrader(course_root, "generate_assignment", ASSIGNMENT, "--force")


def run(course_root=REPO_ROOT, log=print):
    course_root = Path(course_root)
    started = time.perf_counter()
    log("1/5 generating the student version in release/")
    generate_release(course_root)
    log("2/5 writing the demo submissions in submitted/")
    students = demo_students(course_root)
    for student, cells in students.items():
        make_submission(course_root, student, cells)
    log(f"3/5 autograding {len(students)} submissions")
    nbgrader(course_root, "autograde", ASSIGNMENT, "--force", "--student", "demo-*")
    log("4/5 exporting grades.csv and generating feedback/")
    nbgrader(course_root, "export", "--to", "grades.csv")
    nbgrader(course_root, "generate_feedback", ASSIGNMENT, "--force", "--student", "demo-*")
    log(f"5/5 done in {time.perf_counter() - started:.0f} s\n")
    table = {s: row for s, row in grade_table(course_root).items() if s in students}
    log(format_table(table, grading_flags(course_root, table)))
    return table


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--course-root", default=REPO_ROOT, type=Path,
                        help="course folder with nbgrader_config.py (default: this repository)")
    args = parser.parse_args(argv)
    run(args.course_root)


if __name__ == "__main__":
    main()
