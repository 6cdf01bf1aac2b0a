"""The grading pipeline with real nbgrader, in a scratch course: the demo (generate the
student version, submit, autograde, export, feedback), then the library of wrong
submissions, regrading and validation."""
import csv
import json

import nbformat
import pytest

from instructor import demo, library
from instructor.course import ASSIGNMENT, PIECES, REPO_ROOT, notebook_path
from instructor.grader_check import format_report, grade_library
from instructor.nbgrader_cli import nbgrader
from instructor.parallel import grade_in_parallel
from instructor.report import format_table, grade_table

ENTRIES = library.load()


@pytest.fixture(scope="module")
def demo_table(course):
    return demo.run(course, log=lambda *args: None)


@pytest.fixture(scope="module")
def verdicts(course, demo_table):
    """The whole library graded by nbgrader (two workers, to keep CI short), after the demo
    made release/."""
    graded = grade_library(course, ENTRIES, workers=2)
    print("\n" + format_report(graded))
    return {v.entry.name: v for v in graded}


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
    reference, untouched = demo_table["demo-reference"], demo_table["demo-untouched"]
    for piece in PIECES + ("auto",):
        assert _full(reference, piece), f"reference lost points in {piece}: {reference[piece]}"
        assert untouched[piece][0] == 0, f"the untouched student version earned {untouched[piece]} in {piece}"
    assert reference["auto"][1] == untouched["auto"][1] > 30


def test_partial_submission_loses_exactly_where_it_is_wrong(demo_table):
    partial = demo_table["demo-partial"]
    for piece in PIECES:
        broken = piece in ("RNNLayer", "HandmadeLSTM", "Zoneout")
        assert _full(partial, piece) != broken, f"partial in {piece}: {partial[piece]}"
    assert partial["Zoneout"][0] == 0, "Zoneout was not attempted"
    assert partial["HandmadeLSTM"][0] > 0, "only the initialisation of HandmadeLSTM is wrong"


def test_grades_are_exported_and_feedback_generated(course, demo_table):
    with open(course / "grades.csv", newline="") as f:
        rows = {row["student_id"]: row for row in csv.DictReader(f)}
    assert {s for s in rows if s.startswith("demo-")} == {"demo-reference", "demo-untouched", "demo-partial"}
    assert float(rows["demo-reference"]["raw_score"]) == demo_table["demo-reference"]["auto"][0]
    for student in demo_table:
        html = course / "feedback" / student / ASSIGNMENT / "recurrent_dropout.html"
        assert html.exists(), f"no feedback for {student}"
    assert "raise NotImplementedError" in (course / "feedback" / "demo-untouched" / ASSIGNMENT /
                                           "recurrent_dropout.html").read_text()


def test_the_table_prints_every_piece(demo_table):
    text = format_table(demo_table)
    header, *rows = text.splitlines()
    assert header.split()[1:7] == list(PIECES)
    assert any(r.startswith("demo-reference") and r.split()[7] == f"{demo_table['demo-reference']['auto'][1]:g}/"
               f"{demo_table['demo-reference']['auto'][1]:g}" for r in rows)


def test_running_the_demo_again_changes_nothing(course, demo_table):
    before = grade_table(course)
    submitted = notebook_path(course, "submitted", "demo-reference").read_bytes()
    demo.run(course, log=lambda *args: None)
    assert notebook_path(course, "submitted", "demo-reference").read_bytes() == submitted
    assert grade_table(course) == before


def test_the_library_is_big_enough():
    for piece in PIECES:
        wrong = [e for e in ENTRIES if e.piece == piece and e.wrong]
        correct = [e for e in ENTRIES if e.piece == piece and not e.wrong]
        assert len(wrong) >= 6 and len(correct) >= 2, f"{piece}: {len(wrong)} wrong, {len(correct)} correct"
    assert len(ENTRIES) >= 50


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.name for e in ENTRIES])
def test_library_submission_is_graded_as_expected(verdicts, entry):
    verdict = verdicts[entry.name]
    lost = verdict.lost_in()
    if entry.wrong:
        assert entry.piece in lost, f"{entry.name} ({entry.what}) earned full marks in {entry.piece}"
        assert set(lost) <= entry.may_lose(), (
            f"{entry.name} lost points in {sorted(set(lost) - entry.may_lose())}, which do not use {entry.piece}")
    else:
        assert not lost, f"{entry.name} ({entry.what}) is correct but lost points in {lost}: {verdict.row}"


def test_failures_say_what_is_broken(course, verdicts):
    """Every error a student reads in feedback has a message: no bare AssertionError."""
    for entry in ENTRIES:
        nb = nbformat.read(notebook_path(course, "autograded", entry.student), as_version=4)
        for cell in nb.cells:
            for output in cell.get("outputs", []):
                if output.get("output_type") == "error":
                    assert output["evalue"].strip(), (
                        f"{entry.name}: cell {cell.metadata.get('nbgrader', {}).get('grade_id')} "
                        f"failed with a bare {output['ename']}")


def test_parallel_grading_gives_the_same_grades_as_sequential(course, verdicts):
    """Regrade some submissions with two workers writing to the one gradebook at once."""
    students = ["demo-reference", "demo-partial", "demo-untouched"] + [e.student for e in ENTRIES[::12]]
    sequential = grade_table(course)
    results = grade_in_parallel(course, students, workers=2, log=lambda *args: None)
    failures = {s: error[-300:] for s, (ok, _, error) in results.items() if not ok}
    assert not failures, failures
    parallel = grade_table(course)
    assert {s: parallel[s] for s in students} == {s: sequential[s] for s in students}


def test_validate_passes_on_the_master(course):
    proc = nbgrader(course, "validate", notebook_path(course, "source"))
    assert "Success! Your notebook passes all the tests." in proc.stdout, proc.stdout[-2000:]


def test_validate_fails_on_the_student_version(course, demo_table):
    proc = nbgrader(course, "validate", notebook_path(course, "release"))
    assert "Success!" not in proc.stdout
    assert "NotImplementedError" in proc.stdout
