"""The grading pipeline with real nbgrader, in a scratch course: the demo (generate the
student version, submit, autograde, export, feedback), then the library of wrong
submissions, regrading and validation."""
import csv
import json

import nbformat
import pytest

from instructor import demo
from instructor.course import ASSIGNMENT, PIECES, REPO_ROOT, notebook_path
from instructor.nbgrader_cli import nbgrader
from instructor.report import format_table, grade_table
from instructor.submissions import make_submission, reference_answers

from . import library

ENTRIES = library.load()


@pytest.fixture(scope="module")
def demo_table(course):
    return demo.run(course, log=lambda *args: None)


@pytest.fixture(scope="module")
def library_table(course, demo_table):
    reference = reference_answers(notebook_path(course, "source"))
    for entry in ENTRIES:
        make_submission(course, f"lib-{entry.student}", {**reference, entry.piece: entry.source})
    nbgrader(course, "autograde", ASSIGNMENT, "--student", "lib-*")
    return grade_table(course)


def _full(row, column):
    score, top = row[column]
    return top > 0 and score == top


def test_release_is_exactly_what_nbgrader_generates(course, demo_table):
    generated = notebook_path(course, "release").read_text()
    committed = notebook_path(REPO_ROOT, "release").read_text()
    assert json.loads(generated) == json.loads(committed), (
        "release/ is out of date: run `python -m instructor.demo` (or nbgrader generate_assignment "
        "recurrent_dropout --force) and commit release/")


def test_reference_earns_every_autograded_point_and_the_untouched_version_none(demo_table):
    reference, untouched = demo_table["reference"], demo_table["untouched"]
    for piece in PIECES + ("auto",):
        assert _full(reference, piece), f"reference lost points in {piece}: {reference[piece]}"
        assert untouched[piece][0] == 0, f"the untouched student version earned {untouched[piece]} in {piece}"
    assert reference["auto"][1] == untouched["auto"][1] > 30


def test_partial_submission_loses_exactly_where_it_is_wrong(demo_table):
    partial = demo_table["partial"]
    for piece in PIECES:
        broken = piece in ("RNNLayer", "HandmadeLSTM", "Zoneout")
        assert _full(partial, piece) != broken, f"partial in {piece}: {partial[piece]}"
    assert partial["Zoneout"][0] == 0, "Zoneout was not attempted"
    assert partial["HandmadeLSTM"][0] > 0, "only the initialisation of HandmadeLSTM is wrong"


def test_grades_are_exported_and_feedback_generated(course, demo_table):
    with open(course / "grades.csv", newline="") as f:
        rows = {row["student_id"]: row for row in csv.DictReader(f)}
    assert set(rows) == {"reference", "untouched", "partial"}
    assert float(rows["reference"]["raw_score"]) == demo_table["reference"]["auto"][0]
    for student in rows:
        html = course / "feedback" / student / ASSIGNMENT / "recurrent_dropout.html"
        assert html.exists(), f"no feedback for {student}"
    assert "raise NotImplementedError" in (course / "feedback" / "untouched" / ASSIGNMENT /
                                           "recurrent_dropout.html").read_text()


def test_the_table_prints_every_piece(demo_table):
    text = format_table(demo_table)
    header, *rows = text.splitlines()
    assert header.split()[1:7] == list(PIECES)
    assert any(r.startswith("reference") and r.split()[7] == f"{demo_table['reference']['auto'][1]:g}/"
               f"{demo_table['reference']['auto'][1]:g}" for r in rows)


# Before the library is graded, so that the second demo run regrades the demo students only.
def test_running_the_demo_again_changes_nothing(course, demo_table):
    before = grade_table(course)
    submitted = notebook_path(course, "submitted", "reference").read_bytes()
    demo.run(course, log=lambda *args: None)
    assert notebook_path(course, "submitted", "reference").read_bytes() == submitted
    assert grade_table(course) == before


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.name for e in ENTRIES])
def test_library_submission_is_graded_as_expected(library_table, entry):
    row = library_table[f"lib-{entry.student}"]
    if entry.wrong:
        assert not _full(row, entry.piece), f"{entry.name} ({entry.what}) earned full marks in {entry.piece}"
        spared = [p for p in PIECES if p not in entry.may_lose() and not _full(row, p)]
        assert not spared, f"{entry.name} lost points in {spared}, which do not depend on {entry.piece}"
    else:
        assert _full(row, "auto"), f"{entry.name} ({entry.what}) is correct but got {row}"


def test_validate_passes_on_the_master(course):
    proc = nbgrader(course, "validate", notebook_path(course, "source"))
    assert "Success! Your notebook passes all the tests." in proc.stdout, proc.stdout[-2000:]


def test_validate_fails_on_the_student_version(course, demo_table):
    proc = nbgrader(course, "validate", notebook_path(course, "release"))
    assert "Success!" not in proc.stdout
    assert "NotImplementedError" in proc.stdout
