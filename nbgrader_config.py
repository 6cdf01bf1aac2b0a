"""nbgrader settings of the course. nbgrader reads this file from the folder it runs in."""
c = get_config()  # noqa: F821 (provided by nbgrader's config loader)

c.CourseDirectory.course_id = "recurrent-dropout"
# The gradebook is the default SQLite file beside this one: sqlite:///gradebook.db

# Under autograding (NBGRADER_EXECUTION=autograde) the notebook trains on a small synthetic
# set for one epoch: its slowest cell takes about a second on two CPU cores. A minute per
# cell leaves room for slow machines and still stops a submission that hangs.
c.Execute.timeout = 60
# A hung kernel that ignores the interrupt is shut down rather than waited on.
c.Execute.interrupt_on_timeout = True

c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"
