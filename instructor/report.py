"""Grades out of the gradebook: points per student and per piece."""
from collections import defaultdict

from nbgrader.api import Gradebook

from .course import ASSIGNMENT, NOTEBOOK, PIECES, piece_of
from .guard import read_flags

MANUAL = "answers"


def grade_table(course_root):
    """{student: {column: (score, max_score)}} for the pieces, the free-text answers and the
    autograded total. A manually graded answer counts 0 until it is graded."""
    table = {}
    with Gradebook(f"sqlite:///{course_root}/gradebook.db") as gb:
        for submission in gb.assignment_submissions(ASSIGNMENT):
            notebook = gb.find_submission_notebook(NOTEBOOK, ASSIGNMENT, submission.student.id)
            row = defaultdict(lambda: [0.0, 0.0])
            for grade in notebook.grades:
                column = piece_of(grade.name) or (MANUAL if grade.cell.cell_type == "markdown" else None)
                if column is None:
                    continue
                row[column][0] += grade.score or 0.0
                row[column][1] += grade.max_score
                if column != MANUAL:
                    row["auto"][0] += grade.score or 0.0
                    row["auto"][1] += grade.max_score
            table[submission.student.id] = {k: tuple(v) for k, v in row.items()}
    return table


def grading_flags(course_root, students):
    """{student: [what the grader restored or caught]} for the students that have any."""
    flags = {s: read_flags(course_root, ASSIGNMENT, s) for s in students}
    return {s: f for s, f in flags.items() if f}


def format_table(table, flags=None):
    """The grade table as text: one row per student, score/max per piece, then the grading
    flags (tampering restored or caught, kernels stopped) of those that have any."""
    flags = flags or {}
    columns = list(PIECES) + ["auto", MANUAL]
    width = max([len("student")] + [len(s) for s in table])
    cells = {c: max(len(c), 7) for c in columns}
    lines = ["student".ljust(width) + "  " + "  ".join(c.rjust(cells[c]) for c in columns)]
    for student in sorted(table):
        row = table[student]
        parts = []
        for c in columns:
            score, top = row.get(c, (0.0, 0.0))
            parts.append(f"{score:g}/{top:g}".rjust(cells[c]))
        mark = f"  FLAGGED ({len(flags[student])})" if flags.get(student) else ""
        lines.append(student.ljust(width) + "  " + "  ".join(parts) + mark)
    lines.append(f"('{MANUAL}' are free-text questions: 0 until graded by hand in formgrader)")
    for student in sorted(flags):
        shown = flags[student][:5]
        more = len(flags[student]) - len(shown)
        lines.append(f"{student}: " + "; ".join(shown) + (f"; and {more} more" if more > 0 else ""))
    return "\n".join(lines)
