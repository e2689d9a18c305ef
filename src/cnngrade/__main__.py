"""``python -m cnngrade {prove,sync} ...``: see the package docstring."""
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
    sub.add_parser("sync", help="check chapters/ against a fresh release of solutions/")
    args = parser.parse_args(argv)

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
