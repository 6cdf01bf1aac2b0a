"""Where things are in a course folder, and the names the grading relies on."""
import shutil
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
ASSIGNMENT = "recurrent_dropout"
NOTEBOOK = "recurrent_dropout"

# The six graded pieces, in notebook order. Each is a solution cell whose grade_id is its
# name; its test cells are called test_<piece>_<property>.
PIECES = ("init_h0_c0", "gen_dropout_mask", "RNNLayer", "FastRNNLayer", "HandmadeLSTM", "Zoneout")


def piece_of(grade_id):
    """The piece a test cell grades, or None for cells that belong to no piece."""
    for piece in sorted(PIECES, key=len, reverse=True):
        if grade_id.startswith(f"test_{piece}_"):
            return piece
    return None


def notebook_path(course_root, folder, student=None):
    """source/ and release/ hold <assignment>/<notebook>.ipynb; submitted/ and autograded/
    add a student folder in front."""
    base = Path(course_root) / folder
    if student is not None:
        base = base / student
    return base / ASSIGNMENT / f"{NOTEBOOK}.ipynb"


def make_scratch_course(root):
    """A course folder at ``root`` with this course's configuration and master, and nothing
    generated: for tests, checks and benchmarks that must not touch the real gradebook."""
    root = Path(root)
    shutil.copy(REPO_ROOT / "nbgrader_config.py", root)
    shutil.copytree(REPO_ROOT / "source", root / "source")
    (root / "instructor").symlink_to(REPO_ROOT / "instructor")  # the configuration imports it
    return root
