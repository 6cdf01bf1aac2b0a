"""The library of student submissions in ``instructor/tests/submissions/``, one solution
cell per file, that proves the hidden tests fair and sharp.

A file is named ``<piece>__<what>.py``; its first line says what it is:
``# wrong: <the mistake>`` or ``# correct: <how it differs from the reference>``.
"""
from dataclasses import dataclass
from pathlib import Path

from instructor.course import PIECES

FOLDER = Path(__file__).resolve().parent / "tests" / "submissions"

# A piece whose code calls another piece may lose points when that one is wrong.
USES = {
    "RNNLayer": {"init_h0_c0", "gen_dropout_mask"},
    "FastRNNLayer": {"gen_dropout_mask"},
    "HandmadeLSTM": {"init_h0_c0", "gen_dropout_mask"},
    "Zoneout": {"init_h0_c0"},
}


@dataclass(frozen=True)
class Entry:
    name: str
    piece: str
    wrong: bool
    what: str
    source: str

    @property
    def student(self):
        """The student id it is graded under (nbgrader ids: lowercase, no underscores)."""
        return "lib-" + self.name.replace("__", "-").replace("_", "-").lower()

    def may_lose(self):
        """The pieces this submission may lose points in: its own and those built on it."""
        return {self.piece} | {p for p, used in USES.items() if self.piece in used}


def load(folder=FOLDER):
    entries = []
    for path in sorted(Path(folder).glob("*.py")):
        piece = path.stem.split("__")[0]
        first, _, _ = path.read_text().partition("\n")
        kind, _, what = first.lstrip("# ").partition(":")
        if piece not in PIECES or kind not in ("wrong", "correct"):
            raise ValueError(f"{path.name}: name it <piece>__<what>.py and start it with "
                             "'# wrong: ...' or '# correct: ...'")
        entries.append(Entry(path.stem, piece, kind == "wrong", what.strip(), path.read_text()))
    return entries
