from pathlib import Path

import pytest

from cnngrade.course import chapters

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = chapters(ROOT)


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT
