"""``python -m cnngrade COMMAND ...``: one sub-command per verb, each with its own ``--help``.

Each sub-command is a small function ``cmd_<verb>(args) -> exit status`` that imports what it needs (so that
``--help`` and the light commands start fast); ``build_parser`` declares them all.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .settings import Settings


def cmd_prove(args: argparse.Namespace) -> int:
    from .authoring.prove import prove_many
    from .course import chapters

    failed = False
    start = time.perf_counter()
    selected = args.chapters or chapters()
    results = prove_many(selected, workdir=args.workdir, engine=args.engine, alone=args.alone)
    took = time.perf_counter() - start
    for chapter in selected:
        problems = results[chapter]
        print(f"{chapter}: {'ok' if not problems else f'{len(problems)} problem(s)'}")
        for problem in problems:
            print(f"  {problem}")
        failed |= bool(problems)
    print(f"proved {len(selected)} chapter(s) with {args.engine} in {took:.0f} s")
    return 1 if failed else 0


def cmd_student_edition(args: argparse.Namespace) -> int:
    from .publishing.edition import build

    print(f"student edition written to {build(args.dest, git=args.git)}")
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    from .authoring.sync import out_of_sync

    stale = out_of_sync()
    for chapter in stale:
        print(f"out of sync: chapters/{chapter} (run `make release`)")
    return 1 if stale else 0


def cmd_autograde(args: argparse.Namespace) -> int:
    from .engine import autograde_many

    settings = Settings.load(autograde_dir=args.autograde_dir, workers=args.workers, scheduler=args.scheduler,
                             sandbox=False if args.no_sandbox else None, timeout=args.timeout, force=args.force)
    results = autograde_many(settings.autograde_dir, args.chapters,
                             students=[s for s in args.students.split(",") if s] or None, settings=settings)
    return 1 if any(o.status == "failed" for outcomes in results.values() for o in outcomes) else 0


def cmd_collect(args: argparse.Namespace) -> int:
    from .intake.submissions import collect

    if args.dest:
        dest = Path(args.dest)
    else:
        from .engine.config import course_directory, load_config

        coursedir = course_directory(load_config(Settings.load().autograde_dir))
        dest = Path(coursedir.root) / coursedir.submitted_directory
    collect(Path(args.source), dest)
    return 0  # refused files are listed; the rest of the class is collected


def cmd_check_engine(args: argparse.Namespace) -> int:
    from .authoring.compare import check_engine

    result = check_engine(args.chapters or None)
    return 0 if result.equal and not result.problems else 1


def cmd_bench_grading(args: argparse.Namespace) -> int:
    from .authoring.compare import bench_grading

    return 0 if bench_grading(args.chapter).equal else 1


def cmd_bench(args: argparse.Namespace) -> int:
    from .authoring.bench import main as bench

    return bench(["--book"] if args.book else [])


def cmd_report(args: argparse.Namespace) -> int:
    from .publishing.report import write_report

    for path in write_report(Settings.load(autograde_dir=args.autograde_dir).autograde_dir, args.chapter):
        print(f"wrote {path}")
    return 0


def cmd_similarity(args: argparse.Namespace) -> int:
    from .similarity import course_paths, run

    submitted, released, out = course_paths(Settings.load(autograde_dir=args.autograde_dir).autograde_dir, args.chapter)
    analysis, paths = run(Path(args.submitted) if args.submitted else submitted, args.chapter, released,
                          Path(args.out) if args.out else out)
    print(f"{len(analysis.students)} notebooks compared, {len(analysis.classes.skipped)} not read, "
          f"{len(analysis.flagged)} pairs flagged in {len(analysis.clusters)} cluster(s)")
    for student, reason in sorted(analysis.classes.skipped.items()):
        print(f"  NOT READ  {student}: {reason}")
    for pair in analysis.flagged[:20]:
        print(f"  FLAGGED  {pair.a} & {pair.b}: score {pair.score:.2f}, evidence {pair.evidence:.1f}")
    for path in paths:
        print(f"wrote {path}")
    return 0


def cmd_bench_similarity(args: argparse.Namespace) -> int:
    from .similarity.bench import main as bench_similarity

    results = bench_similarity(args.chapters or None, args.students, args.timing_students, baseline=not args.no_baseline)
    return 0 if all(not r.missed and not r.honest_flagged for r in results) else 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m cnngrade",
                                     description="Grading tools of the course (`python -m cnngrade COMMAND --help`).")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, func, help: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=help)
        p.set_defaults(func=func)
        return p

    # authors
    p = command("prove", cmd_prove, "grade solution, stub and every variant of chapters")
    p.add_argument("chapters", nargs="*", help="chapter slugs (default: all)")
    p.add_argument("--workdir", help="keep the throw-away course here for inspection")
    p.add_argument("--engine", choices=["engine", "nbgrader"], default="engine",
                   help="grade with the course's engine (default) or plain nbgrader autograde")
    p.add_argument("--alone", action="store_true",
                   help="grade every variant as its own student (default: variants of different exercises "
                        "packed into one notebook where that provably changes no test's outcome)")
    command("sync", cmd_sync, "check chapters/ against a fresh release of solutions/")
    p = command("check-engine", cmd_check_engine, "grade the proofs' classes with nbgrader and the engine, compare")
    p.add_argument("chapters", nargs="*", help="chapter slugs (default: all)")
    p = command("bench", cmd_bench, "time every solution notebook and the book builds (clean, cached, after an edit)")
    p.add_argument("--book", action="store_true", help="only the book builds")
    p = command("bench-grading", cmd_bench_grading, "nbgrader vs engine on a synthetic class: throughput, equality")
    p.add_argument("chapter", nargs="?", default="01-one-by-one")
    p = command("student-edition", cmd_student_edition, "write the course without solutions, for students")
    p.add_argument("dest", help="a new or empty folder outside the repository")
    p.add_argument("--git", action="store_true", help="also git init + commit the edition")
    # instructors, in the order a class's submissions go through
    p = command("collect", cmd_collect, "copy SRC/<student>/<chapter>/ into the submitted folder: regular "
                                        "files only, within their size limits (links, FIFOs... refused)")
    p.add_argument("source", help="folder of <student>/<chapter>/<chapter>.ipynb")
    p.add_argument("--dest", default="", help="default: the course's submitted directory (autograde/work/submitted)")
    p = command("autograde", cmd_autograde, "grade the collected submissions of a chapter with the engine")
    p.add_argument("chapters", nargs="+", help="chapter slugs (one pool of workers grades them all)")
    p.add_argument("--force", action="store_true", help="regrade unchanged submissions too")
    p.add_argument("--workers", type=int, default=0, help="local worker processes (default: cores)")
    p.add_argument("--scheduler", default="", help="dask.distributed scheduler address (tcp://host:8786)")
    p.add_argument("--no-sandbox", action="store_true", help="run student code unisolated")
    p.add_argument("--students", default="", help="comma-separated student ids (default: all)")
    p.add_argument("--autograde-dir", default="", help="folder of nbgrader_config.py (default: the repo's)")
    p.add_argument("--timeout", type=int, default=0, help="seconds per cell (default: Execute.timeout of the config)")
    p = command("report", cmd_report, "class report of a chapter: pass rates, messages, histogram")
    p.add_argument("chapter")
    p.add_argument("--autograde-dir", default="", help="folder of nbgrader_config.py (default: the repo's)")
    p = command("similarity", cmd_similarity, "which submissions of a chapter share their code (HTML + CSV report)")
    p.add_argument("chapter")
    p.add_argument("--autograde-dir", default="", help="folder of nbgrader_config.py (default: the repo's)")
    p.add_argument("--submitted", default="", help="folder of <student>/<chapter>/<chapter>.ipynb (default: the course's)")
    p.add_argument("--out", default="", help="report folder (default: <work>/reports/<chapter>)")
    p = command("bench-similarity", cmd_bench_similarity, "synthetic classes with planted copies: this tool vs copydetect")
    p.add_argument("chapters", nargs="*")
    p.add_argument("--students", type=int, default=60, help="class size for the comparison with copydetect")
    p.add_argument("--timing-students", type=int, default=300, help="class size for this tool alone (0: skip)")
    p.add_argument("--no-baseline", action="store_true", help="skip copydetect")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
