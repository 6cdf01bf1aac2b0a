"""Hostile submissions graded in one confined autograde run, honest ones mixed in.

Attacks on the course folder and the network find nothing; tampering earns nothing and is
flagged; faults (hangs, a dead kernel, 100 GB, a fork bomb, a full disk) cost only the cells
after them; the gradebook and every other submission come through untouched.
"""
import glob
import os
import socket
import subprocess
import sys
import threading

import nbformat
import pytest
from nbgrader.api import Gradebook

from instructor.course import ASSIGNMENT, PIECES, notebook_path
from instructor.nbgrader_cli import nbgrader
from instructor.report import grade_table, grading_flags

from . import hostile


FULL = "all"  # every autograded point
BEFORE_ZONEOUT = "before"  # every point of the pieces before Zoneout
EXPECTED = {
    "honest-first": (FULL, False),
    "zz-honest-last": (FULL, False),
    "reads-master": (0, False),
    "attacks-gradebook": (FULL, False),
    "opens-network": (FULL, False),
    "edits-tests": (0, True),
    "deletes-tests": (0, True),
    "tests-to-markdown": (0, True),
    "inflates-points": (FULL, True),
    "swallows-errors": (0, True),
    "empties-cells": (0, True),
    "patches-comparisons": (0, True),
    "hangs": (FULL, False),
    "hangs-hard": (BEFORE_ZONEOUT, True),
    "exits-kernel": (BEFORE_ZONEOUT, True),
    "allocates-100gb": (FULL, False),
    "fork-bomb": (BEFORE_ZONEOUT, None),
    "fills-disk": (FULL, False),
    "own-helpers": (FULL, False),
}


class _Listener:
    """A TCP server on the grader's loopback that records whoever connects."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.sock.settimeout(0.5)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.running = True
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        while self.running:
            try:
                conn, _ = self.sock.accept()
                self.connections += 1
                conn.close()
            except OSError:
                pass

    def close(self):
        self.running = False
        self.thread.join()
        self.sock.close()


@pytest.fixture(scope="module")
def hostile_run(course):
    if not notebook_path(course, "release").exists():
        nbgrader(course, "generate_assignment", ASSIGNMENT)
    cases = hostile.build_cases(notebook_path(course, "source"))
    assert set(cases) == set(EXPECTED)
    listener = _Listener()
    try:
        for name, (_, build) in cases.items():
            hostile.write_submission(course, f"hostile-{name}", build, notebook_path(course, "release"),
                                     listener.port)
        others_before = sorted(glob.glob(str(course / "submitted" / "*")))
        proc = nbgrader(course, "autograde", ASSIGNMENT, "--student", "hostile-*")
    finally:
        listener.close()
    table = grade_table(course)
    students = [f"hostile-{n}" for n in cases]
    return dict(table=table, flags=grading_flags(course, students), log=proc.stdout + proc.stderr,
                connections=listener.connections, others_before=others_before)


def _points(row, pieces):
    return sum(row[p][0] for p in pieces), sum(row[p][1] for p in pieces)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hostile_submission_scores_what_it_should(hostile_run, name):
    expected, flagged = EXPECTED[name]
    row = hostile_run["table"][f"hostile-{name}"]
    score, top = row["auto"]
    assert top == 36, f"{name}: the maximum changed to {top}"
    if expected == FULL:
        assert score == top, f"{name} should keep every point: {row}"
    elif expected == BEFORE_ZONEOUT:
        earned, possible = _points(row, PIECES[:-1])
        assert earned == possible, f"{name} lost points earned before its fault: {row}"
    else:
        assert score == expected, f"{name} should earn {expected}: {row}"
    flags = hostile_run["flags"].get(f"hostile-{name}", [])
    if flagged is not None:
        assert bool(flags) == flagged, f"{name}: flags {flags}"


def test_the_gradebook_and_other_submissions_survive(course, hostile_run):
    with Gradebook(f"sqlite:///{course}/gradebook.db") as gb:
        assert len(gb.students) >= len(EXPECTED)
    assert sorted(glob.glob(str(course / "submitted" / "*"))) == hostile_run["others_before"]
    honest = hostile_run["table"]["hostile-honest-first"]
    assert hostile_run["table"]["hostile-zz-honest-last"] == honest


def test_no_connection_reached_the_grader(hostile_run):
    assert hostile_run["connections"] == 0


def test_the_master_was_not_found(course):
    nb = nbformat.read(notebook_path(course, "autograded", "hostile-reads-master"), as_version=4)
    text = "".join(o.get("text", "") for c in nb.cells for o in c.get("outputs", []))
    assert "master copies found: []" in text


def test_the_disk_filler_stayed_in_its_quota(course):
    nb = nbformat.read(notebook_path(course, "autograded", "hostile-fills-disk"), as_version=4)
    text = "".join(o.get("text", "") for c in nb.cells for o in c.get("outputs", []))
    assert "errors:" in text and "PLANTED" not in text, text[-500:]
    assert "No space left on device" in text or "File too large" in text
    assert not glob.glob("/tmp/confined-kernel-*"), "a sandbox folder was left behind"


@pytest.mark.skipif(os.geteuid() != 0, reason="the sandbox user exists only when grading as root")
def test_no_sandboxed_process_outlives_the_run(hostile_run):
    left = subprocess.run(["pgrep", "-u", "65534"], capture_output=True, text=True).stdout.split()
    assert not left, f"processes of the sandbox user still running: {left}"


def test_autograde_refuses_without_bubblewrap(course, tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "RNN_COURSE_UNCONFINED"}
    env["PATH"] = os.path.dirname(sys.executable)  # bwrap is not on it
    before = sorted(glob.glob(str(course / "autograded" / "*")))
    proc = subprocess.run([sys.executable, "-m", "nbgrader", "autograde", ASSIGNMENT, "--student",
                           "hostile-honest-first", "--force"], cwd=course, env=env,
                          capture_output=True, text=True)
    assert proc.returncode != 0
    assert "bubblewrap (bwrap) is not installed" in proc.stderr and "apt-get install bubblewrap" in proc.stderr
    assert sorted(glob.glob(str(course / "autograded" / "*"))) == before


def test_honest_submissions_score_the_same_unconfined(course, hostile_run):
    """A correct and a partly wrong submission, graded confined and then unconfined."""
    from instructor import library
    from instructor.submissions import make_submission, reference_answers

    wrong = next(e for e in library.load() if e.name == "RNNLayer__masks_c_not_h")
    reference = reference_answers(notebook_path(course, "source"))
    for student, cells in (("compare-right", reference), ("compare-wrong", {**reference, wrong.piece: wrong.source})):
        make_submission(course, student, cells)
    nbgrader(course, "autograde", ASSIGNMENT, "--student", "compare-*")
    confined = grade_table(course)
    env = dict(os.environ, RNN_COURSE_UNCONFINED="1")
    subprocess.run([sys.executable, "-m", "nbgrader", "autograde", ASSIGNMENT, "--student", "compare-*",
                    "--force"], cwd=course, env=env, check=True, capture_output=True)
    unconfined = grade_table(course)
    for student in ("compare-right", "compare-wrong"):
        assert confined[student] == unconfined[student], student
    assert confined["compare-right"]["auto"] == (36.0, 36.0) and confined["compare-wrong"]["auto"][0] < 36
