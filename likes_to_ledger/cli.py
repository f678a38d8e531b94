"""The `course` command."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

# jsonschema, under nbformat, imports an IRI validator that takes 0.8 s to load and that notebooks never
# use; without it, every `course` command starts that much sooner (`course check` aims at 3 s).
sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[assignment]

from likes_to_ledger.errors import CourseError  # noqa: E402
from likes_to_ledger.paths import CourseDir  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="course", description="Build and check the Likes to Ledger course.")
    commands = parser.add_subparsers(dest="command", required=True)
    build_parser = commands.add_parser("build", help="regenerate lessons/ from solutions/ with nbgrader")
    build_parser.add_argument(
        "--check",
        action="store_true",
        help="change nothing; fail, naming the lesson, if lessons/ is out of date",
    )
    build_parser.add_argument(
        "lessons",
        nargs="*",
        metavar="LESSON",
        help="only these lessons, e.g. 01-reading-exports (default: all)",
    )
    commands.add_parser("data", help="regenerate the data files in datasets/")
    check_parser = commands.add_parser(
        "check",
        help="self-grade a lesson notebook as the instructor's autograde would, hidden tests included",
    )
    check_parser.add_argument(
        "notebook", type=Path, help="the lesson notebook, e.g. lessons/00-orientation/00-orientation.ipynb"
    )
    progress_parser = commands.add_parser(
        "progress", help="your last self-grade of each lesson, as a table and a chart"
    )
    progress_parser.add_argument(
        "--chart", type=Path, default=None, help="where to write the chart (default: .course/progress.png)"
    )
    args = parser.parse_args(argv)

    try:
        if args.command == "check":
            return _check(args.notebook)
        course = CourseDir.find()
        if args.command == "build":
            return _build(course, args.check, args.lessons)
        if args.command == "progress":
            return _progress(course, args.chart)
        return _data(course)
    except CourseError as error:
        print(f"course {args.command}: {error}", file=sys.stderr)
        return 2


def _build(course: CourseDir, check: bool, lessons: list[str]) -> int:
    from likes_to_ledger import build

    problems = build.build(course, check=check, only=lessons)
    if not problems:
        print("lessons/ is up to date." if check else "Done: lessons/ matches solutions/.")
        return 0
    for problem in problems:
        print(problem, file=sys.stderr)
    print("Run `course build` to regenerate lessons/, then commit the result.", file=sys.stderr)
    return 1


def _check(notebook: Path) -> int:
    from likes_to_ledger.selfcheck import check_notebook

    report = check_notebook(notebook, CourseDir.find(notebook.resolve().parent))
    print(report.text())
    for note in report.notes:
        print(note, file=sys.stderr)
    return 0


def _progress(course: CourseDir, chart: Path | None) -> int:
    from likes_to_ledger.progress import progress_file, progress_report

    report = progress_report(course)
    print(report.text())
    written = report.chart(chart or progress_file(course).with_name("progress.png"))
    print(f"\nChart: {course.relative(written)}")
    return 0


def _data(course: CourseDir) -> int:
    from likes_to_ledger.data.generate import generate_all

    for path in generate_all(course.datasets, course.ground_truth_doc):
        print(f"wrote {course.relative(path)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
