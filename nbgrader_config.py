"""nbgrader settings of the course. nbgrader reads this file from the folder it runs in."""
import os
import sys

c = get_config()  # noqa: F821 (provided by nbgrader's config loader)

# nbgrader logs an error in this file and carries on without it, which would grade student
# code unconfined; so any error here stops nbgrader instead.
try:
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # this course's `instructor`

    from nbconvert.preprocessors import ClearMetadataPreprocessor  # noqa: E402
    from nbgrader.preprocessors import (AssignLatePenalties, CheckCellMetadata, ClearOutput,  # noqa: E402
                                        DeduplicateIds, IgnorePattern, LimitOutput,
                                        OverwriteKernelspec, SaveAutoGrades)

    from instructor.guard import FlaggingOverwriteCells, GuardedExecute  # noqa: E402
    from instructor.sandbox import (UNCONFINED_ENV, SandboxUnavailable, require_bubblewrap,  # noqa: E402
                                    unconfined_requested)

    c.CourseDirectory.course_id = "recurrent-dropout"
    # The gradebook is the default SQLite file beside this one: sqlite:///gradebook.db

    # Student code runs in a bubblewrap sandbox: no network, no view of the course folder, the
    # gradebook or other submissions, limits on memory, CPU, processes and file size
    # (instructor/sandbox.py). Autograde refuses to run when bubblewrap is missing, unless
    # RNN_COURSE_UNCONFINED=1 asks for unconfined grading on a machine you trust.
    if not unconfined_requested():
        c.Execute.kernel_manager_class = "instructor.sandbox.ConfinedKernelManager"
        if set(sys.argv[1:2]) & {"autograde", "validate"}:
            try:  # refuse before anything is graded, rather than fail every notebook
                require_bubblewrap()
            except SandboxUnavailable as exc:
                raise SystemExit(f"nbgrader {sys.argv[1]}: {exc}") from None
    else:
        print(f"nbgrader_config.py: {UNCONFINED_ENV}=1, student code runs UNCONFINED", file=sys.stderr)

    # nbgrader's own steps, with OverwriteCells and Execute swapped for versions that restore
    # deleted test cells, survive hangs and dead kernels, check for tampering and record what
    # they found beside each autograded notebook (instructor/guard.py).
    c.Autograde.sanitize_preprocessors = [ClearOutput, DeduplicateIds, OverwriteKernelspec,
                                          FlaggingOverwriteCells, CheckCellMetadata]
    c.Autograde.autograde_preprocessors = [GuardedExecute, IgnorePattern, ClearMetadataPreprocessor,
                                           LimitOutput, SaveAutoGrades, AssignLatePenalties,
                                           CheckCellMetadata]
    c.OverwriteCells.add_missing_cells = True

    # Under autograding (NBGRADER_EXECUTION=autograde) the notebook trains on a small synthetic
    # set for one epoch: its slowest cell takes about a second on two CPU cores. Thirty seconds
    # a cell leave room for slow machines; a cell that outlives them is interrupted, and if it
    # ignores the interrupt for as long again the kernel is stopped (its later cells score 0).
    c.Execute.timeout = 30
    c.Execute.interrupt_on_timeout = True

    c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}
    c.ClearSolutions.text_stub = "YOUR ANSWER HERE"
except Exception as exc:
    raise SystemExit(f"nbgrader_config.py failed ({exc!r}); nbgrader stops rather than run "
                     "student code without its safeguards.") from None
