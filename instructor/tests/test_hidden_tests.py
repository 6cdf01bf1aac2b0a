"""The hidden tests themselves: a correct solution passes whatever the random draws.

Every statistical check in the notebook is sized to fail a correct solution with
probability below 1e-9 (most below 1e-12); these runs re-draw every random number the
tests use and show no failure in practice. They run in this process, without nbgrader.
"""
import pytest

from instructor import library
from instructor.tests.inprocess import run_tests

SEEDS = 100


def test_reference_passes_under_many_seeds():
    failures = {}
    for k in range(SEEDS):
        offset = 1000 * (k + 1)
        failed = {cell: error for cell, error in run_tests(seed_offset=offset).items() if error}
        if failed:
            failures[offset] = failed
    assert not failures, f"the reference failed under shifted seeds: {failures}"


CORRECT = [e for e in library.load() if not e.wrong]


@pytest.mark.parametrize("entry", CORRECT, ids=[e.name for e in CORRECT])
def test_correct_alternatives_pass_under_several_seeds(entry):
    for offset in (7, 7000, 70000):
        failed = {cell: error for cell, error in run_tests({entry.piece: entry.source}, offset).items() if error}
        assert not failed, f"{entry.name} failed with seed offset {offset}: {failed}"


def test_the_runner_notices_a_failure():
    results = run_tests({"init_h0_c0": "def init_h0_c0(n, h, t):\n    return t.new_ones(n, h), t.new_ones(n, h)\n"})
    assert "h0 must be filled with zeros" in results["test_init_h0_c0_shapes"]
