"""nbgrader preprocessors that keep grading honest and robust.

- :class:`GuardedExecute` replaces nbgrader's Execute. A cell that hangs is interrupted;
  if it still does not finish, the kernel is stopped. A kernel that dies (killed, out of
  memory, ended by the student's own code) stops only the cells after it: those get an
  error output and no points, every cell before it keeps its grade. Before each graded
  test cell it asks the kernel whether the grading machinery was tampered with (test
  helpers or comparison functions replaced, an exception handler that swallows errors,
  code transformers); if so, that test cell is not run and scores nothing.
- :class:`FlaggingOverwriteCells` is nbgrader's OverwriteCells (which restores edited,
  retyped or re-pointed test cells from the gradebook) that also records what it restored.

What either finds goes into ``.grading-flags.json`` beside the autograded notebook, which
:func:`read_flags` gathers for the grade report.
"""
import ast
import json
import os
from pathlib import Path

from jupyter_core.utils import ensure_async
from nbclient.exceptions import DeadKernelError
from nbformat import NotebookNode
from nbgrader.coursedir import CourseDirectory
from nbgrader.preprocessors import ClearHiddenTests, Execute, OverwriteCells

FLAGS_FILE = ".grading-flags.json"
TAMPERING = "TamperingDetected"

# Runs silently in the kernel before the first cell: remembers the objects the tests rely
# on, so that later checks notice a replacement. A determined attacker inside the kernel
# can defeat any in-process check; the sandbox is what keeps the master and the gradebook
# out of reach. This catches the common tricks and flags them.
_KERNEL_GUARD = r'''
def _install_grading_guard():
    import builtins, math, sys, types
    import numpy, numpy.testing, torch, torch.testing
    import torch._dynamo  # noqa: F401  (its first import re-wraps some torch functions; settle that now)
    watched = {
        "torch.allclose": (torch, "allclose"), "torch.equal": (torch, "equal"),
        "torch.isclose": (torch, "isclose"),
        "torch.Tensor.__eq__": (torch.Tensor, "__eq__"), "torch.Tensor.allclose": (torch.Tensor, "allclose"),
        "torch.Tensor.equal": (torch.Tensor, "equal"), "torch.Tensor.all": (torch.Tensor, "all"),
        "torch.Tensor.any": (torch.Tensor, "any"), "torch.Tensor.item": (torch.Tensor, "item"),
        "torch.testing.assert_close": (torch.testing, "assert_close"),
        "numpy.allclose": (numpy, "allclose"), "numpy.array_equal": (numpy, "array_equal"),
        "numpy.testing.assert_allclose": (numpy.testing, "assert_allclose"),
        "numpy.testing.assert_array_equal": (numpy.testing, "assert_array_equal"),
        "math.isclose": (math, "isclose"), "math.sqrt": (math, "sqrt"), "math.log": (math, "log"),
    }
    for name in ("isinstance", "abs", "all", "any", "bool", "float", "int", "len", "max", "min",
                 "set", "sorted", "sum", "tuple", "zip", "range", "getattr", "hasattr",
                 "AssertionError", "__import__", "print"):
        watched["builtins." + name] = (builtins, name)
    originals = {name: getattr(owner, attr) for name, (owner, attr) in watched.items()}
    ip = get_ipython()
    baseline = {"input_transformers_post": list(ip.input_transformers_post),
                "input_transformers_cleanup": list(ip.input_transformers_cleanup)}
    user_ns = ip.user_ns
    pinned = {}

    def pin(names):
        for name in names:
            if name in user_ns:
                pinned[name] = user_ns[name]

    def check():
        problems = [f"{name} was replaced" for name, (owner, attr) in watched.items()
                    if getattr(owner, attr, None) is not originals[name]]
        problems += [f"{name!r} of the read-only or test cells was redefined" for name, obj in pinned.items()
                     if user_ns.get(name) is not obj]
        if ip.custom_exceptions:
            problems.append("a custom exception handler (set_custom_exc) was installed")
            ip.set_custom_exc((), None)
        if ip.ast_transformers:
            problems.append("AST transformers were registered")
            ip.ast_transformers.clear()
        for name, original in baseline.items():
            current = getattr(ip, name)
            if current != original:
                problems.append(f"IPython's {name} were changed")
                current[:] = original
        if sys.gettrace() is not None or sys.getprofile() is not None:
            problems.append("a trace or profile function was installed")
        if problems:
            raise RuntimeError("; ".join(problems))

    sys.modules["_grading_guard"] = types.SimpleNamespace(pin=pin, check=check)

_install_grading_guard()
del _install_grading_guard
'''


def _is_test_cell(cell):
    meta = cell.metadata.get("nbgrader", {})
    return cell.cell_type == "code" and meta.get("grade") and not meta.get("solution")


def _pinned_names(cell):
    """Names the tests rely on, which student code must not rebind: the functions and classes
    of the test helpers and test cells, and the modules any read-only cell imports (a
    student's own `fit` or `RNNClassifier` is no tampering)."""
    meta = cell.metadata.get("nbgrader", {})
    if cell.cell_type != "code" or not meta.get("locked") or meta.get("solution"):
        return []
    try:
        tree = ast.parse(cell.source)
    except SyntaxError:
        return []
    test_code = meta.get("grade") or meta.get("grade_id") == "test_helpers"
    names = []
    for node in tree.body:
        if test_code and isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.append(node.name)
        elif isinstance(node, ast.Import):
            names += [(alias.asname or alias.name).split(".")[0] for alias in node.names]
    return names


def _error_output(ename, evalue):
    return NotebookNode(output_type="error", ename=ename, evalue=evalue,
                        traceback=[f"{ename}: {evalue}"])


def _flags_path(config, resources):
    info = resources["nbgrader"]
    coursedir = CourseDirectory(config=config)
    folder = coursedir.format_path(coursedir.autograded_directory, info["student"], info["assignment"])
    return Path(folder) / FLAGS_FILE


def _record_flags(config, resources, flags, reset=False):
    """Add ``flags`` to the notebook's flag file (starting it anew with ``reset``)."""
    path = _flags_path(config, resources)
    path.parent.mkdir(parents=True, exist_ok=True)
    existing = [] if reset or not path.exists() else json.loads(path.read_text() or "[]")
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(existing + list(flags), indent=1))
    os.replace(tmp, path)


def _student_view(source):
    """A locked cell's source as students received it: without its hidden tests."""
    cell = NotebookNode(cell_type="code", source=source, metadata={})
    ClearHiddenTests()._remove_hidden_test_region(cell)
    return cell.source.strip()


class FlaggingOverwriteCells(OverwriteCells):
    """OverwriteCells (with add_missing_cells, deleted test cells come back too) that records
    every restoration that is not the routine return of hidden tests."""

    def preprocess(self, nb, resources):
        self._flags = []
        present = {c.metadata.get("nbgrader", {}).get("grade_id") for c in nb.cells}
        nb, resources = super().preprocess(nb, resources)
        restored = [c.metadata["nbgrader"]["grade_id"] for c in nb.cells
                    if c.metadata.get("nbgrader", {}).get("grade_id") not in present]
        self._flags += [f"cell {name} was missing and was restored" for name in restored]
        _record_flags(self.config, resources, self._flags, reset=True)
        return nb, resources

    def preprocess_cell(self, cell, resources, cell_index):
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        submitted = cell.source
        cell, resources = super().preprocess_cell(cell, resources, cell_index)
        if grade_id and cell.metadata.get("nbgrader", {}).get("locked") and cell.source != submitted:
            if submitted.strip() != _student_view(cell.source):
                self._flags.append(f"cell {grade_id}: its source was edited and was restored")
        return cell, resources

    def report_change(self, name, attr, old, new):
        super().report_change(name, attr, old, new)
        if attr != "checksum":  # source changes are judged in preprocess_cell
            self._flags.append(f"cell {name}: its {attr} was changed ({new!r} instead of {old!r}) "
                               "and was restored")


class GuardedExecute(Execute):
    """nbgrader's Execute that survives hangs and dead kernels and checks for tampering."""

    def preprocess(self, nb, resources=None, km=None):
        self._stopped = None
        self._timed_out_cell = None
        self._guarded = False
        self._flags = []
        try:
            return super().preprocess(nb, resources, km)
        finally:
            _record_flags(self.config, self.resources, self._flags)

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type != "code":
            return cell, resources
        name = cell.metadata.get("nbgrader", {}).get("grade_id", f"#{index}")
        if self._stopped:
            cell.outputs = [_error_output("KernelStopped", self._stopped)]
            return cell, resources
        try:
            if not self._guarded:
                self._run_silently(_KERNEL_GUARD)
                self._guarded = True
                seal = getattr(self.km, "seal", None)  # the kernel is up: see sandbox.py
                if seal is not None:
                    seal()
            if _is_test_cell(cell):
                problem = self._evaluate("__import__('_grading_guard').check()")
                if problem:
                    self._flags.append(f"cell {name}: tampering: {problem}")
                    cell.outputs = [_error_output(TAMPERING, f"{problem} (this test was not run)")]
                    return cell, resources
            cell, resources = super().preprocess_cell(cell, resources, index)
            pinned = _pinned_names(cell)
            if pinned:
                self._evaluate(f"__import__('_grading_guard').pin({pinned!r})")
            return cell, resources
        except DeadKernelError:
            self._stopped = (f"not run: the kernel stopped during cell {name} (it crashed, ran out "
                             "of memory or time, or was ended by the code)")
            self._flags.append(f"cell {name}: the kernel stopped")
            cell.outputs.append(_error_output("KernelStopped", "the kernel stopped during this cell"))
            return cell, resources

    def _run_silently(self, code):
        """Run ``code`` in the kernel without a trace in the notebook (it goes through
        IPython's input transformers: only for the set-up, before any student code)."""
        reply = self.wait_for_reply(self.kc.execute(code, silent=True, store_history=False))
        if reply is None:
            raise DeadKernelError("no reply from the kernel")

    def _evaluate(self, expression):
        """Evaluate ``expression`` in the kernel as a user expression, which no input
        transformer touches; its error message, or None."""
        msg_id = self.kc.execute("", silent=True, store_history=False, user_expressions={"guard": expression})
        reply = self.wait_for_reply(msg_id)
        if reply is None:
            raise DeadKernelError("no reply from the kernel")
        result = reply["content"].get("user_expressions", {}).get("guard")
        if result is None:
            return "the kernel does not evaluate user expressions any more"
        if result.get("status") == "error":
            return result.get("evalue") or "the integrity check failed"
        return None

    async def _async_handle_timeout(self, timeout, cell=None):
        """First time: interrupt and keep waiting. Same cell again: stop the kernel."""
        if cell is not None and cell is self._timed_out_cell:
            self.log.error("Cell still running after an interrupt: stopping the kernel")
            await ensure_async(self.km.shutdown_kernel(now=True))
            raise DeadKernelError("the cell ignored an interrupt")
        self._timed_out_cell = cell
        self.log.error("Timeout waiting for execute reply (%is): interrupting the kernel", timeout)
        await ensure_async(self.km.interrupt_kernel())
        return None


def read_flags(course_root, assignment, student):
    """The flags recorded while autograding one submission, oldest first."""
    path = Path(course_root) / "autograded" / student / assignment / FLAGS_FILE
    if not path.exists():
        return []
    try:
        return json.loads(path.read_text() or "[]")
    except json.JSONDecodeError:
        return ["the flag file is unreadable"]
