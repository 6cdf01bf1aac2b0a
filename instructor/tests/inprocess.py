"""Run the master's test cells in this process, without a kernel or nbgrader.

Fast enough to repeat the hidden tests under many seeds. It executes, in notebook order, the
setup, the test helpers, the solution cells (the master's, or replacements) and every graded
test cell; the data and training cells are skipped.
"""
import contextlib
import io
import traceback

import nbformat
import torch

from instructor.course import REPO_ROOT, notebook_path
from instructor.submissions import reference_answers

MASTER_PATH = notebook_path(REPO_ROOT, "source")
SUPPORT_CELLS = ("setup", "test_helpers")


def _code_cells():
    nb = nbformat.read(MASTER_PATH, as_version=4)
    return [c for c in nb.cells if c.cell_type == "code"]


def run_tests(replacements=None, seed_offset=0):
    """{test grade_id: None if it passed, else the last line of its traceback}.

    ``seed_offset`` shifts every ``torch.manual_seed`` the cells call, which re-draws every
    random number the tests use.
    """
    solutions = reference_answers(MASTER_PATH)
    solutions.update(replacements or {})
    namespace = {"__name__": "__main__"}
    results = {}
    original_seed = torch.manual_seed
    torch.manual_seed = lambda seed: original_seed(seed + seed_offset)
    try:
        for cell in _code_cells():
            meta = cell.metadata.get("nbgrader", {})
            grade_id = meta.get("grade_id", cell.get("id"))
            if meta.get("solution"):
                source = solutions[grade_id]
            elif meta.get("grade") or grade_id in SUPPORT_CELLS:
                source = cell.source
            else:
                continue
            try:
                with contextlib.redirect_stdout(io.StringIO()):
                    exec(compile(source, grade_id, "exec"), namespace)
                error = None
            except Exception:
                error = traceback.format_exc().strip().splitlines()[-1]
            if meta.get("grade"):
                results[grade_id] = error
    finally:
        torch.manual_seed = original_seed
    return results
