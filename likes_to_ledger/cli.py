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
    grade_parser = commands.add_parser(
        "grade",
        help="collect submissions, autograde them in parallel, write their feedback (instructors)",
    )
    grade_parser.add_argument(
        "lessons", nargs="*", metavar="LESSON", help="the lessons to grade, e.g. 00-orientation"
    )
    grade_parser.add_argument("--all", action="store_true", help="grade every lesson of course.toml")
    grade_parser.add_argument(
        "--from-zip",
        type=Path,
        metavar="FILE",
        help="collect from a Moodle or Canvas 'download all submissions' zip instead of nbgrader's exchange",
    )
    grade_parser.add_argument(
        "--workers", type=int, default=None, help="grading processes (default: one more than the cores)"
    )
    grade_parser.add_argument(
        "--db", dest="db_url", default=None, help="the gradebook's URL (default: grader_config.py's, SQLite)"
    )
    grade_parser.add_argument("--force", action="store_true", help="grade every submission again")
    grade_parser.add_argument(
        "--no-sandbox",
        dest="sandbox",
        action="store_false",
        help="run the submissions' code with your own rights, unisolated (only for submissions you trust)",
    )
    grade_parser.add_argument(
        "--due", default=None, help="set the lesson's due date, e.g. '2026-12-01 17:00' (UTC)"
    )
    export_parser = commands.add_parser(
        "export", help="grades as a CSV for the LMS and an Excel workbook with an item analysis (instructors)"
    )
    export_parser.add_argument(
        "lessons", nargs="*", metavar="LESSON", help="only these lessons (default: all)"
    )
    export_parser.add_argument(
        "--out", type=Path, default=Path("grades"), help="the folder to write into (default: grades/)"
    )
    export_parser.add_argument("--db", dest="db_url", default=None, help="the gradebook's URL")
    args = parser.parse_args(argv)

    try:
        if args.command == "check":
            return _check(args.notebook)
        course = CourseDir.find()
        if args.command == "build":
            return _build(course, args.check, args.lessons)
        if args.command == "progress":
            return _progress(course, args.chart)
        if args.command == "grade":
            return _grade(course, args)
        if args.command == "export":
            return _export(course, args)
        return _data(course)
    except CourseError as error:
        print(f"course {args.command}: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        again = " Run the same command again: it grades what is left." if args.command == "grade" else ""
        print(f"\ncourse {args.command}: stopped.{again}", file=sys.stderr)
        return 130


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


def _grade(course: CourseDir, args: argparse.Namespace) -> int:
    from likes_to_ledger.classgrade import grade_class, parse_due
    from likes_to_ledger.manifest import load_manifest

    lesson_ids = _chosen_lessons(course, args.lessons, args.all)
    if not lesson_ids:
        print("course grade: name a lesson (e.g. 00-orientation) or use --all.", file=sys.stderr)
        return 2
    if args.workers is not None and args.workers < 1:
        print("course grade: --workers must be 1 or more.", file=sys.stderr)
        return 2
    load_manifest(course)  # a broken manifest is reported before any grading starts
    report = grade_class(
        course,
        lesson_ids,
        workers=args.workers,
        from_zip=args.from_zip,
        db_url=args.db_url,
        force=args.force,
        due=parse_due(args.due) if args.due else None,
        sandbox=args.sandbox,
    )
    print(report.text())
    return 0 if report.ok else 1


def _export(course: CourseDir, args: argparse.Namespace) -> int:
    from nbgrader.api import Gradebook

    from likes_to_ledger.classgrade import course_directory
    from likes_to_ledger.export import export_grades, item_analysis

    coursedir = course_directory(course, args.db_url)
    lessons = _chosen_lessons(course, args.lessons, everything=False) or None
    order = _chosen_lessons(course, [], everything=True)
    out = args.out if args.out.is_absolute() else Path.cwd() / args.out
    written = export_grades(
        coursedir.db_url, coursedir.course_id, out, lessons, order, source_dir=course.solutions
    )
    for path in written:
        print(f"wrote {course.relative(path)}")
    with Gradebook(coursedir.db_url, coursedir.course_id) as gradebook:
        hardest = [item for item in item_analysis(gradebook, lessons, course.solutions) if item.graded][:5]
    if hardest:
        print("\nThe questions the class finds hardest (share with full marks):")
        for item in hardest:
            print(f"  {item.label:<32} {item.full_marks_share:5.0%}  ({item.kind}, {item.graded} graded)")
    return 0


def _chosen_lessons(course: CourseDir, named: list[str], everything: bool) -> list[str]:
    """The lessons a command is asked for, checked against course.toml (in its order when --all)."""
    from likes_to_ledger.errors import CourseError
    from likes_to_ledger.manifest import load_manifest

    known = [lesson.id for lesson in load_manifest(course).lessons]
    if everything:
        return known
    unknown = [name for name in named if name not in known]
    if unknown:
        raise CourseError(
            f"no lesson {', '.join(unknown)} in course.toml; the lessons are: {', '.join(known)}"
        )
    return named


def _data(course: CourseDir) -> int:
    from likes_to_ledger.data.generate import generate_all

    for path in generate_all(course.datasets, course.ground_truth_doc):
        print(f"wrote {course.relative(path)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
