"""A scratch copy of the course in which the tests generate, submit and autograde."""
import shutil

import pytest

from instructor.course import REPO_ROOT


@pytest.fixture(scope="session")
def course(tmp_path_factory):
    """A course folder with the configuration and the master, and nothing generated yet."""
    root = tmp_path_factory.mktemp("course")
    shutil.copy(REPO_ROOT / "nbgrader_config.py", root)
    shutil.copytree(REPO_ROOT / "source", root / "source")
    return root
