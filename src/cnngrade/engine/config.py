"""The course's nbgrader configuration (``autograde/nbgrader_config.py``), as nbgrader run from ``autograde/``
loads it, and its course directory."""
from __future__ import annotations

from pathlib import Path


def load_config(autograde_dir: Path):
    """The repository's nbgrader configuration, as ``nbgrader`` run from ``autograde/`` loads it."""
    from traitlets.config.loader import PyFileConfigLoader

    return PyFileConfigLoader("nbgrader_config.py", path=str(autograde_dir)).load_config()


def course_directory(config):
    from nbgrader.coursedir import CourseDirectory

    return CourseDirectory(config=config)

