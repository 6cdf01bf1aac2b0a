"""A scratch copy of the course in which the tests generate, submit and autograde."""
import pytest

from instructor.course import make_scratch_course


@pytest.fixture(scope="session")
def course(tmp_path_factory):
    """A course folder with the configuration and the master, and nothing generated yet."""
    return make_scratch_course(tmp_path_factory.mktemp("course"))
