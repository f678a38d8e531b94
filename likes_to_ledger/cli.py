"""The `course` command."""

from __future__ import annotations

import argparse
import sys

from likes_to_ledger import build
from likes_to_ledger.data.generate import generate_all
from likes_to_ledger.grading import NbgraderError
from likes_to_ledger.manifest import ManifestError
from likes_to_ledger.notebooks import NotebookError
from likes_to_ledger.paths import CourseDir, CourseNotFoundError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="course", description="Build and check the Likes to Ledger course.")
    commands = parser.add_subparsers(dest="command", required=True)
    build_parser = commands.add_parser("build", help="regenerate lessons/ from solutions/ with nbgrader")
    build_parser.add_argument(
        "--check",
        action="store_true",
        help="change nothing; fail, naming the lesson, if lessons/ is out of date",
    )
    commands.add_parser("data", help="regenerate the data files in datasets/")
    args = parser.parse_args(argv)

    try:
        course = CourseDir.find()
        if args.command == "build":
            return _build(course, args.check)
        return _data(course)
    except (CourseNotFoundError, ManifestError, NotebookError, NbgraderError) as error:
        print(f"course {args.command}: {error}", file=sys.stderr)
        return 2


def _build(course: CourseDir, check: bool) -> int:
    problems = build.build(course, check=check)
    if not problems:
        print("lessons/ is up to date." if check else "Done: lessons/ matches solutions/.")
        return 0
    for problem in problems:
        print(problem, file=sys.stderr)
    print("Run `course build` to regenerate lessons/, then commit the result.", file=sys.stderr)
    return 1


def _data(course: CourseDir) -> int:
    for path in generate_all(course.datasets, course.ground_truth_doc):
        print(f"wrote {course.relative(path)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
