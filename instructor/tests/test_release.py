"""What students receive: the committed student version and rnn_utils reveal no solution and
no hidden test, and keep the skeleton the contracts name."""
import re

import nbformat
import pytest

from instructor.course import PIECES, REPO_ROOT, notebook_path

MASTER = nbformat.read(notebook_path(REPO_ROOT, "source"), as_version=4)
RELEASE = nbformat.read(notebook_path(REPO_ROOT, "release"), as_version=4)
STUDENT_FILES = sorted((REPO_ROOT / "rnn_utils").rglob("*.py")) + sorted(
    p for p in (REPO_ROOT / "release").rglob("*") if p.is_file())


def _regions(begin, end):
    """Lines inside begin/end markers of every master cell (long enough to be telling) and
    lines outside them (which may legitimately appear anywhere)."""
    inside, outside = set(), set()
    for cell in MASTER.cells:
        current = outside
        for line in cell.source.splitlines():
            if begin in line:
                current = inside
            elif end in line:
                current = outside
            else:
                current.add(line.strip())
    return {line for line in inside - outside if len(line) > 24}


SOLUTION_LINES = _regions("### BEGIN SOLUTION", "### END SOLUTION")
HIDDEN_LINES = _regions("### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS")


def test_there_is_something_to_hide():
    assert len(SOLUTION_LINES) > 30 and len(HIDDEN_LINES) > 100


@pytest.mark.parametrize("path", STUDENT_FILES, ids=lambda p: str(p.relative_to(REPO_ROOT)))
def test_no_solution_or_hidden_test_reaches_students(path):
    text = path.read_text(errors="replace")
    assert "BEGIN SOLUTION" not in text and "BEGIN HIDDEN TESTS" not in text
    leaked = sorted(line for line in SOLUTION_LINES | HIDDEN_LINES if line in text)
    assert not leaked, f"{path.name} holds lines of the master's solutions or hidden tests: {leaked[:3]}"


def _cells_by_id(nb):
    return {c.metadata["nbgrader"]["grade_id"]: c for c in nb.cells if "nbgrader" in c.metadata}


def test_every_piece_is_a_solution_cell_with_its_skeleton():
    cells = _cells_by_id(RELEASE)
    for piece in PIECES:
        cell = cells[piece]
        assert cell.metadata["nbgrader"]["solution"] and not cell.metadata["nbgrader"]["grade"]
        assert "raise NotImplementedError()" in cell.source
        assert re.search(rf"^(def|class) {piece}\b", cell.source, re.M)
        assert '"""' in cell.source or "'''" in cell.source, f"{piece} lost its docstring"
    assert "self.rnn_cell = nn.LSTMCell(input_size, hidden_size)" in cells["RNNLayer"].source
    assert "self.rnn_cell = nn.LSTMCell(input_size, hidden_size)" in cells["Zoneout"].source
    assert "self.weight_ih_l0_raw = nn.Parameter(" in cells["FastRNNLayer"].source
    assert "self.input_weights = nn.Linear(input_size, 4 * hidden_size)" in cells["HandmadeLSTM"].source
    assert "def reset_params(self):" in cells["HandmadeLSTM"].source


def test_each_piece_has_several_graded_test_cells():
    cells = _cells_by_id(MASTER)
    for piece in PIECES:
        tests = [c for gid, c in cells.items() if gid.startswith(f"test_{piece}_")]
        assert len(tests) >= 2, f"{piece} has {len(tests)} graded test cells"
        for cell in tests:
            meta = cell.metadata["nbgrader"]
            assert meta["grade"] and meta["locked"] and not meta["solution"] and meta["points"] > 0


def test_free_text_questions_are_manually_graded_answers():
    answers = [c for c in RELEASE.cells if c.cell_type == "markdown" and "nbgrader" in c.metadata
               and c.metadata["nbgrader"]["solution"]]
    assert len(answers) >= 4
    for cell in answers:
        question, _, answer = cell.source.rpartition("\n")
        assert question.startswith("**Вопрос.**") and answer == "YOUR ANSWER HERE", cell.source
        assert cell.metadata["nbgrader"]["points"] > 0


def test_release_has_no_outputs():
    code = [c for c in RELEASE.cells if c.cell_type == "code"]
    assert code and all(not c.get("outputs") for c in code)
    assert all(c.get("execution_count") is None for c in code)
