"""Is ``chapters/`` exactly what ``nbgrader generate_assignment`` makes from ``solutions/``?"""
from __future__ import annotations

import json
import tempfile
from pathlib import Path

from .. import notebook as nbtools
from ..course import Course, chapters, repo_root


def _canonical(path: Path) -> str:
    return json.dumps(nbtools.read(path), sort_keys=True, indent=1)


def out_of_sync(root: Path | None = None) -> list[str]:
    """Chapters whose committed student notebook differs from a fresh release (or is missing)."""
    root = root or repo_root()
    stale = []
    with tempfile.TemporaryDirectory(prefix="release-") as tmp:
        course = Course(tmp, root)
        for chapter in chapters(root):
            course.generate(chapter)
            committed = root / nbtools.notebook_path("chapters", chapter)
            if not committed.exists() or _canonical(committed) != _canonical(course.released_path(chapter)):
                stale.append(chapter)
    released = {p.name for p in (root / "chapters").iterdir() if p.is_dir()} if (root / "chapters").exists() else set()
    from ..publishing.translated_book import LANGUAGES

    released -= set(LANGUAGES)  # chapters/<lang>/: the translated notebooks (publishing.catalogs.release)
    stale += sorted(released - set(chapters(root)))  # a released chapter without a source
    return stale
