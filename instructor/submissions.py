"""Student submissions made from the student version, cell by cell.

A submission is the released notebook with some solution cells replaced: by the master's
reference solutions, by a demo student's code, or by a test's deliberately wrong code.
"""
import os
import tempfile
from pathlib import Path

import nbformat

from .course import ASSIGNMENT, NOTEBOOK, notebook_path

# nbgrader orders and reports submissions by this time; a fixed one keeps runs identical.
FIXED_TIMESTAMP = "2026-01-01 00:00:00.000000 UTC"
_MARKERS = ("### BEGIN SOLUTION", "### END SOLUTION")


def grade_id(cell):
    return cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")


def reference_answers(master_path):
    """grade_id -> source of every solution cell of the master, markers removed."""
    answers = {}
    for cell in nbformat.read(master_path, as_version=4).cells:
        if cell.metadata.get("nbgrader", {}).get("solution"):
            lines = [line for line in cell.source.splitlines() if line.strip() not in _MARKERS]
            answers[grade_id(cell)] = "\n".join(lines)
    return answers


def write_notebook_atomically(nb, path):
    """Write to a temporary file beside ``path`` and rename: never a half-written notebook."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            nbformat.write(nb, f)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def make_submission(course_root, student, cells):
    """Write ``submitted/<student>/<assignment>/<notebook>.ipynb``.

    Args:
        cells: grade_id -> new source for solution cells; other cells stay as released.

    Returns:
        The path of the submitted notebook.

    Raises:
        KeyError: a grade_id that is no solution cell of the released notebook.
    """
    nb = nbformat.read(notebook_path(course_root, "release"), as_version=4)
    solution_ids = {grade_id(c) for c in nb.cells if c.metadata.get("nbgrader", {}).get("solution")}
    unknown = set(cells) - solution_ids
    if unknown:
        raise KeyError(f"no solution cell called {sorted(unknown)} in {ASSIGNMENT}/{NOTEBOOK}.ipynb; "
                       f"the solution cells are {sorted(solution_ids)}")
    for cell in nb.cells:
        if grade_id(cell) in cells:
            cell.source = cells[grade_id(cell)]
    target = notebook_path(course_root, "submitted", student)
    write_notebook_atomically(nb, target)
    (target.parent / "timestamp.txt").write_text(FIXED_TIMESTAMP + "\n")
    return target
