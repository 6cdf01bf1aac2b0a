"""Hostile submissions: attacks on the grader, faults, and tampering with the notebook.

Each case turns the released notebook into a submission. ``HONEST`` is the reference
solution; the others start from it or from the untouched student version and add the
attack. test_hostile.py grades them all in one autograde run, honest ones mixed in.
"""
import nbformat

from instructor.submissions import grade_id, reference_answers

PROBE_PORT_PLACEHOLDER = "__PORT__"


def _code(nb, name):
    return next(c for c in nb.cells if grade_id(c) == name)


def _tests(nb):
    return [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade")
            and not c.metadata["nbgrader"].get("solution") and c.cell_type == "code"]


def _solve(nb, answers, only=None):
    for cell in nb.cells:
        if grade_id(cell) in answers and (only is None or grade_id(cell) in only):
            cell.source = answers[grade_id(cell)]


def _append(nb, name, code):
    cell = _code(nb, name)
    cell.source += "\n\n" + code.strip() + "\n"


READ_MASTER = '''
import glob, os
found = []
if os.environ.get("NBGRADER_EXECUTION"):          # behave only when graded
    here = os.path.abspath(".")
    for _ in range(8):
        found += glob.glob(os.path.join(here, "source", "*", "*.ipynb"))
        found += glob.glob(os.path.join(here, "*", "source", "*", "*.ipynb"))
        here = os.path.dirname(here)
    for pattern in ("/*/source/*/*.ipynb", "/*/*/source/*/*.ipynb", "/*/*/*/source/*/*.ipynb"):
        found += glob.glob(pattern)
print("master copies found:", found)
for path in found[:1]:
    import json
    for cell in json.load(open(path))["cells"]:
        if cell.get("metadata", {}).get("nbgrader", {}).get("solution") and cell["cell_type"] == "code":
            exec("".join(cell["source"]), globals())
'''

ATTACK_GRADEBOOK = '''
import glob, os, shutil
damage = []
here = os.path.abspath(".")
for _ in range(8):
    for db in glob.glob(os.path.join(here, "gradebook.db")):
        try:
            open(db, "wb").write(b"\\0" * 4096); damage.append("zeroed " + db)
        except OSError as e:
            damage.append(f"{db}: {e}")
    for other in glob.glob(os.path.join(here, "submitted", "*")) + glob.glob(os.path.join(here, "autograded", "*")):
        try:
            shutil.rmtree(other); damage.append("deleted " + other)
        except OSError as e:
            damage.append(f"{other}: {e}")
    here = os.path.dirname(here)
print("damage done:", damage)
'''

NETWORK = f'''
import socket
try:
    socket.create_connection(("127.0.0.1", {PROBE_PORT_PLACEHOLDER}), timeout=3).sendall(b"leak")
    print("connected")
except OSError as e:
    print("no connection:", e)
'''

SWALLOW_ERRORS = '''
get_ipython().set_custom_exc((BaseException,), lambda shell, etype, evalue, tb, tb_offset=None: None)
'''

EMPTY_EVERY_CELL = '''
get_ipython().input_transformers_cleanup.append(lambda lines: ["pass\\n"])
'''

PATCH_COMPARISONS = '''
import torch
torch.Tensor.all = lambda self, *args, **kwargs: torch.tensor(True)
torch.allclose = lambda *args, **kwargs: True
torch.equal = lambda *args, **kwargs: True
def check_close(*args, **kwargs):
    pass
def check_lstm_result(result, *args, **kwargs):
    return result[0], result[1][0], result[1][1]
'''

HANG = '''
import time
time.sleep(3600)
'''

HANG_IGNORING_INTERRUPTS = '''
import time
while True:
    try:
        time.sleep(1)
    except BaseException:
        pass
'''

EXIT_KERNEL = '''
import os
os._exit(0)
'''

ALLOCATE_100GB = '''
hog = torch.empty(100 * 2**30 // 4)
'''

OWN_HELPERS = '''
def compare(a, b):  # a student's own helpers, named like the course's: no tampering
    return (a - b).abs().max()

def fit(model, data):
    return model
'''

FORK_BOMB = '''
import os, time
if os.fork() == 0:
    while True:
        try:
            os.fork()
        except OSError:
            time.sleep(0.05)
'''

FILL_DISK = '''
import os, json
written, errors = 0, set()
for i in range(40):
    for folder in (".", "/tmp"):
        try:
            with open(os.path.join(folder, f"filler{i}.bin"), "wb") as f:
                f.write(b"0" * 2**25)
            written += 2**25
        except OSError as e:
            errors.add(type(e).__name__ + ": " + e.strerror)
for name in os.listdir("/tmp"):
    if name.startswith("confined-kernel-"):
        try:
            open(os.path.join("/tmp", name, "planted.bin"), "wb").write(b"0")
            errors.add("PLANTED in the private folder")
        except OSError as e:
            errors.add("private folder: " + e.strerror)
print(f"wrote {written // 2**20} MiB; errors: {sorted(errors)}")
'''


def build_cases(master_path):
    """name -> (what it does, function turning the released notebook into the submission)."""
    reference = reference_answers(master_path)

    def honest(nb):
        _solve(nb, reference)

    def with_reference(name, code, cell="init_h0_c0"):
        def build(nb):
            _solve(nb, reference)
            _append(nb, cell, code)
        return build

    def stubs_with(code, cell="init_h0_c0"):
        """The untouched version with the attack in front of a stub (which then raises)."""
        def build(nb):
            _code(nb, cell).source = code.strip() + "\n\n" + _code(nb, cell).source
        return build

    def read_master(nb):
        _code(nb, "init_h0_c0").source = READ_MASTER

    def edit_tests(nb):
        for cell in _tests(nb):
            cell.source = "pass"

    def delete_tests(nb):
        nb.cells = [c for c in nb.cells if c not in _tests(nb)]

    def tests_to_markdown(nb):
        for cell in _tests(nb):
            cell.cell_type = "markdown"
            cell.pop("outputs", None)
            cell.pop("execution_count", None)

    def patch_comparisons(nb):
        _solve(nb, reference)
        _code(nb, "init_h0_c0").source = PATCH_COMPARISONS + """
def init_h0_c0(num_objects, hidden_size, some_existing_tensor):
    return (some_existing_tensor.new_ones(num_objects, hidden_size),
            some_existing_tensor.new_ones(num_objects, hidden_size))
"""

    def inflate_points(nb):
        _solve(nb, reference)
        _tests(nb)[0].metadata["nbgrader"]["points"] = 100

    return {
        "honest-first": ("the reference solution", honest),
        "reads-master": ("detects the grader and looks for the master to exec its solutions", read_master),
        "attacks-gradebook": ("reference, plus zeroing gradebook.db and deleting other submissions",
                              with_reference("attack", ATTACK_GRADEBOOK)),
        "opens-network": ("reference, plus a connection to a server on the grader's loopback",
                          with_reference("network", NETWORK)),
        "edits-tests": ("untouched, with every test cell replaced by pass", edit_tests),
        "deletes-tests": ("untouched, with every test cell deleted", delete_tests),
        "tests-to-markdown": ("untouched, with every test cell turned into markdown", tests_to_markdown),
        "inflates-points": ("reference, with a test cell's points set to 100", inflate_points),
        "swallows-errors": ("untouched, plus an exception handler that hides every error",
                            stubs_with(SWALLOW_ERRORS)),
        "empties-cells": ("untouched, plus an input transformer that blanks every later cell",
                          stubs_with(EMPTY_EVERY_CELL)),
        "patches-comparisons": ("reference but init_h0_c0 gives ones, plus Tensor.all, torch.allclose/equal "
                                "and the test helpers replaced", patch_comparisons),
        "hangs": ("reference, Zoneout's cell then sleeps for an hour", with_reference("hang", HANG, "Zoneout")),
        "hangs-hard": ("reference, Zoneout's cell then loops ignoring interrupts",
                       with_reference("hang", HANG_IGNORING_INTERRUPTS, "Zoneout")),
        "exits-kernel": ("reference, Zoneout's cell then ends the kernel",
                         with_reference("exit", EXIT_KERNEL, "Zoneout")),
        "allocates-100gb": ("reference, HandmadeLSTM's cell then allocates 100 GB",
                            with_reference("hog", ALLOCATE_100GB, "HandmadeLSTM")),
        "fork-bomb": ("reference, Zoneout's cell then forks without end",
                      with_reference("bomb", FORK_BOMB, "Zoneout")),
        "fills-disk": ("reference, Zoneout's cell then writes 2.5 GB and plants a file beside the kernel's sockets",
                       with_reference("disk", FILL_DISK, "Zoneout")),
        "own-helpers": ("reference, plus the student's own fit and compare functions",
                        with_reference("helpers", OWN_HELPERS)),
        "zz-honest-last": ("the reference solution, graded after all the others", honest),
    }


def write_submission(course_root, student, build, release_path, port):
    from instructor.course import notebook_path
    from instructor.submissions import FIXED_TIMESTAMP, write_notebook_atomically

    nb = nbformat.read(release_path, as_version=4)
    build(nb)
    for cell in nb.cells:
        cell.source = cell.source.replace(PROBE_PORT_PLACEHOLDER, str(port))
    target = notebook_path(course_root, "submitted", student)
    write_notebook_atomically(nb, target)
    (target.parent / "timestamp.txt").write_text(FIXED_TIMESTAMP + "\n")
    return target
