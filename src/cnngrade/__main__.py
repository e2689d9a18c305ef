"""``python -m cnngrade {prove,sync,autograde,...} ...``: see the package docstring."""
from __future__ import annotations

import argparse
import sys
import time

from .course import chapters
from .prove import prove_many
from .sync import out_of_sync


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m cnngrade")
    sub = parser.add_subparsers(dest="command", required=True)
    p_prove = sub.add_parser("prove", help="grade solution, stub and every variant of chapters")
    p_prove.add_argument("chapters", nargs="*", help="chapter slugs (default: all)")
    p_prove.add_argument("--workdir", help="keep the throw-away course here for inspection")
    p_prove.add_argument("--engine", choices=["engine", "nbgrader"], default="engine",
                         help="grade with the course's engine (default) or plain nbgrader autograde")
    p_prove.add_argument("--alone", action="store_true",
                         help="grade every variant as its own student (default: variants of different exercises "
                              "packed into one notebook where that provably changes no test's outcome)")
    p_edition = sub.add_parser("student-edition", help="write the course without solutions, for students")
    p_edition.add_argument("dest", help="a new or empty folder outside the repository")
    p_edition.add_argument("--git", action="store_true", help="also git init + commit the edition")
    sub.add_parser("sync", help="check chapters/ against a fresh release of solutions/")
    p_grade = sub.add_parser("autograde", help="grade the collected submissions of a chapter with the engine")
    p_grade.add_argument("chapters", nargs="+", help="chapter slugs (one pool of workers grades them all)")
    p_grade.add_argument("--force", action="store_true", help="regrade unchanged submissions too")
    p_grade.add_argument("--workers", type=int, default=0, help="local worker processes (default: cores)")
    p_grade.add_argument("--scheduler", default="", help="dask.distributed scheduler address (tcp://host:8786)")
    p_grade.add_argument("--no-sandbox", action="store_true", help="run student code unisolated")
    p_grade.add_argument("--students", default="", help="comma-separated student ids (default: all)")
    p_grade.add_argument("--autograde-dir", default="", help="folder of nbgrader_config.py (default: the repo's)")
    p_grade.add_argument("--timeout", type=int, default=0, help="seconds per cell (default: Execute.timeout of the config)")
    p_check = sub.add_parser("check-engine", help="grade the proofs' classes with nbgrader and the engine, compare")
    p_check.add_argument("chapters", nargs="*")
    p_bench = sub.add_parser("bench-grading", help="nbgrader vs engine on a synthetic class: throughput, equality")
    p_bench.add_argument("chapter", nargs="?", default="01-one-by-one")
    p_collect = sub.add_parser("collect", help="copy SRC/<student>/<chapter>/ into the submitted folder: regular "
                                               "files only, within their size limits (links, FIFOs... refused)")
    p_collect.add_argument("source", help="folder of <student>/<chapter>/<chapter>.ipynb")
    p_collect.add_argument("--dest", default="", help="default: the course's submitted directory (autograde/work/submitted)")
    p_report = sub.add_parser("report", help="class report of a chapter: pass rates, messages, histogram")
    p_report.add_argument("chapter")
    p_report.add_argument("--autograde-dir", default="")
    p_sim = sub.add_parser("similarity", help="which submissions of a chapter share their code (HTML + CSV report)")
    p_sim.add_argument("chapter")
    p_sim.add_argument("--autograde-dir", default="")
    p_sim.add_argument("--submitted", default="", help="folder of <student>/<chapter>/<chapter>.ipynb (default: the course's)")
    p_sim.add_argument("--out", default="", help="report folder (default: <work>/reports/<chapter>)")
    p_bsim = sub.add_parser("bench-similarity", help="synthetic classes with planted copies: this tool vs copydetect")
    p_bsim.add_argument("chapters", nargs="*")
    p_bsim.add_argument("--students", type=int, default=60, help="class size for the comparison with copydetect")
    p_bsim.add_argument("--timing-students", type=int, default=300, help="class size for this tool alone (0: skip)")
    p_bsim.add_argument("--no-baseline", action="store_true", help="skip copydetect")
    args = parser.parse_args(argv)

    if args.command == "similarity":
        from pathlib import Path

        from .course import repo_root
        from .similarity import course_paths, run

        submitted, released, out = course_paths(Path(args.autograde_dir) if args.autograde_dir else repo_root() / "autograde",
                                                args.chapter)
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

    if args.command == "bench-similarity":
        from .similarity.bench import main as bench_similarity

        results = bench_similarity(args.chapters or None, args.students, args.timing_students, baseline=not args.no_baseline)
        return 0 if all(not r.missed and not r.honest_flagged for r in results) else 1

    if args.command == "autograde":
        from pathlib import Path

        from .course import repo_root
        from .engine import autograde_many

        results = autograde_many(Path(args.autograde_dir) if args.autograde_dir else repo_root() / "autograde",
                                 args.chapters, students=[s for s in args.students.split(",") if s] or None,
                                 force=args.force, workers=args.workers or None, scheduler=args.scheduler or None,
                                 use_sandbox=False if args.no_sandbox else None, timeout=args.timeout or None)
        return 1 if any(o.status == "failed" for outcomes in results.values() for o in outcomes) else 0

    if args.command == "collect":
        from pathlib import Path

        from .course import repo_root
        from .submissions import collect

        if args.dest:
            dest = Path(args.dest)
        else:
            from .engine import course_directory, load_config

            coursedir = course_directory(load_config(repo_root() / "autograde"))
            dest = Path(coursedir.root) / coursedir.submitted_directory
        collect(Path(args.source), dest)
        return 0  # refused files are listed; the rest of the class is collected

    if args.command == "student-edition":
        from .edition import build

        print(f"student edition written to {build(args.dest, git=args.git)}")
        return 0

    if args.command == "check-engine":
        from .compare import check_engine

        result = check_engine(args.chapters or None)
        return 0 if result.equal and not result.problems else 1

    if args.command == "bench-grading":
        from .compare import bench_grading

        return 0 if bench_grading(args.chapter).equal else 1

    if args.command == "report":
        from pathlib import Path

        from .course import repo_root
        from .report import write_report

        paths = write_report(Path(args.autograde_dir) if args.autograde_dir else repo_root() / "autograde", args.chapter)
        for path in paths:
            print(f"wrote {path}")
        return 0

    if args.command == "sync":
        stale = out_of_sync()
        for chapter in stale:
            print(f"out of sync: chapters/{chapter} (run `make release`)")
        return 1 if stale else 0

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


if __name__ == "__main__":
    sys.exit(main())
