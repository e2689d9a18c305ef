"""``python -m cnngrade {prove,sync,autograde,...} ...``: see the package docstring."""
from __future__ import annotations

import argparse
import sys
import time

from .course import chapters
from .prove import prove
from .sync import out_of_sync


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m cnngrade")
    sub = parser.add_subparsers(dest="command", required=True)
    p_prove = sub.add_parser("prove", help="grade solution, stub and every variant of chapters")
    p_prove.add_argument("chapters", nargs="*", help="chapter slugs (default: all)")
    p_prove.add_argument("--workdir", help="keep the throw-away course here for inspection")
    p_edition = sub.add_parser("student-edition", help="write the course without solutions, for students")
    p_edition.add_argument("dest", help="a new or empty folder outside the repository")
    p_edition.add_argument("--git", action="store_true", help="also git init + commit the edition")
    sub.add_parser("sync", help="check chapters/ against a fresh release of solutions/")
    p_grade = sub.add_parser("autograde", help="grade the collected submissions of a chapter with the engine")
    p_grade.add_argument("chapter")
    p_grade.add_argument("--force", action="store_true", help="regrade unchanged submissions too")
    p_grade.add_argument("--workers", type=int, default=0, help="local worker processes (default: cores)")
    p_grade.add_argument("--scheduler", default="", help="dask.distributed scheduler address (tcp://host:8786)")
    p_grade.add_argument("--no-sandbox", action="store_true", help="run student code unisolated")
    p_grade.add_argument("--students", default="", help="comma-separated student ids (default: all)")
    p_grade.add_argument("--autograde-dir", default="", help="folder of nbgrader_config.py (default: the repo's)")
    args = parser.parse_args(argv)

    if args.command == "autograde":
        from pathlib import Path

        from .course import repo_root
        from .engine import autograde

        outcomes = autograde(Path(args.autograde_dir) if args.autograde_dir else repo_root() / "autograde",
                             args.chapter, students=[s for s in args.students.split(",") if s] or None,
                             force=args.force, workers=args.workers or None, scheduler=args.scheduler or None,
                             use_sandbox=False if args.no_sandbox else None)
        return 1 if any(o.status == "failed" for o in outcomes) else 0

    if args.command == "student-edition":
        from .edition import build

        print(f"student edition written to {build(args.dest, git=args.git)}")
        return 0

    if args.command == "sync":
        stale = out_of_sync()
        for chapter in stale:
            print(f"out of sync: chapters/{chapter} (run `make release`)")
        return 1 if stale else 0

    failed = False
    for chapter in args.chapters or chapters():
        start = time.perf_counter()
        problems = prove(chapter, workdir=args.workdir)
        took = time.perf_counter() - start
        status = "ok" if not problems else f"{len(problems)} problem(s)"
        print(f"{chapter}: {status} ({took:.0f} s)")
        for problem in problems:
            print(f"  {problem}")
        failed |= bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
