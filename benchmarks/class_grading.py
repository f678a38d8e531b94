"""Grading a made-up class: `course grade` against plain nbgrader, on the same submissions, in the same run.

    python benchmarks/class_grading.py                       # 60 students x lesson 00
    python benchmarks/class_grading.py --all-lessons         # 60 students x every lesson of course.toml
    python benchmarks/class_grading.py --students 20 --workers 3 --lesson 05-social-traffic

Per lesson, on two identical instructor course folders holding the same synthetic class (right, partly right,
wrong, blank and broken submissions from the course's known answers):
- plain nbgrader: `nbgrader autograde LESSON`, then `nbgrader generate_feedback LESSON` (one process each,
  notebooks one after another, as nbgrader grades);
- `course grade LESSON` with N workers (default: the machine's cores), which autogrades and writes feedback.
The lesson is recorded in both gradebooks before the clocks start. The ratios are plain nbgrader's time over
`course grade`'s, for autograding alone and for autograding plus feedback (what `course grade` does).

Per-notebook overhead: the core-seconds `course grade` spends per submission (its wall time x the cores it
keeps busy, min(workers, cores), / submissions: nbgrader's autograde and feedback, the workers and the
planning) minus the mean time to execute the class's notebooks alone in a fresh kernel. That mean is
estimated from `--alone` submissions of each kind (right, blank... run at very different speeds), weighted by
how many students of each kind the lesson has, run one after another while nothing else runs.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from likes_to_ledger import notebooks, synthetic
from likes_to_ledger.classgrade import default_workers, ensure_lesson_in_gradebook, grade_class, machine_cores
from likes_to_ledger.grading import ScratchCourse
from likes_to_ledger.manifest import load_manifest
from likes_to_ledger.paths import CourseDir


def timed_nbgrader(root: Path, *args: str) -> float:
    started = time.perf_counter()
    result = ScratchCourse.run_nbgrader(root, *args)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"nbgrader {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return elapsed


def time_alone(course: CourseDir, submissions: list[synthetic.SyntheticSubmission], per_kind: int) -> float:
    """The class's mean time to execute a notebook alone in a fresh kernel, from the lesson's own folder:
    `per_kind` notebooks of each kind timed, each kind's mean weighted by its share of the class."""
    by_kind: dict[str, list[synthetic.SyntheticSubmission]] = {}
    for submission in submissions:
        by_kind.setdefault(submission.kind, []).append(submission)
    weighted = 0.0
    for kind_submissions in by_kind.values():
        seconds = []
        for submission in kind_submissions[:per_kind]:
            started = time.perf_counter()
            notebooks.execute(
                submission.notebook, course.lesson_folder(submission.lesson_id), allow_errors=True
            )
            seconds.append(time.perf_counter() - started)
        weighted += statistics.mean(seconds) * len(kind_submissions)
    return weighted / len(submissions)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=60)
    parser.add_argument("--all-lessons", action="store_true", help="every lesson of course.toml")
    parser.add_argument("--lesson", action="append", help="this lesson (repeatable; default 00-orientation)")
    parser.add_argument("--workers", type=int, default=None, help="course grade's workers (default: cores)")
    parser.add_argument(
        "--alone", type=int, default=2, help="notebooks of each kind executed alone, per lesson (default 2)"
    )
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()

    course = CourseDir.find(Path(__file__).parent)
    every_lesson = [lesson.id for lesson in load_manifest(course).lessons]
    lesson_ids = every_lesson if args.all_lessons else (args.lesson or ["00-orientation"])
    workers = args.workers or default_workers()
    print(f"{args.students} students x {len(lesson_ids)} lesson(s), course grade with {workers} workers")
    print(
        f"{'lesson':<24} {'nbgrader':>9} {'+feedback':>10} {'course grade':>13} "
        f"{'ratio':>6} {'ratio+fb':>9} {'alone/nb':>9} {'core-s/nb':>10}"
    )
    totals = {"autograde": 0.0, "feedback": 0.0, "course": 0.0}
    alone_seconds, notebooks_graded = 0.0, 0
    cores_busy = min(workers, machine_cores())
    with tempfile.TemporaryDirectory(prefix="course-bench-class-") as scratch:
        for lesson_id in lesson_ids:
            submissions = synthetic.make_class(course, [lesson_id], args.students, seed=args.seed)
            plain = synthetic.instructor_course(course, Path(scratch) / lesson_id / "plain", [lesson_id])
            ours = synthetic.instructor_course(course, Path(scratch) / lesson_id / "ours", [lesson_id])
            for folder in (plain, ours):
                ensure_lesson_in_gradebook(
                    folder, lesson_id, f"sqlite:///{folder.root / 'gradebook.db'}", None
                )
                synthetic.write_submitted(submissions, folder.root)

            autograde = timed_nbgrader(plain.root, "autograde", lesson_id, "--create")
            feedback = timed_nbgrader(plain.root, "generate_feedback", lesson_id)
            started = time.perf_counter()
            report = grade_class(ours, [lesson_id], workers=workers, progress=None)
            ours_seconds = time.perf_counter() - started
            if not report.ok:
                sys.exit(report.text())
            alone = time_alone(course, submissions, args.alone)
            core_seconds = ours_seconds * cores_busy / len(submissions)

            alone_seconds += alone * len(submissions)
            notebooks_graded += len(submissions)
            totals["autograde"] += autograde
            totals["feedback"] += feedback
            totals["course"] += ours_seconds
            print(
                f"{lesson_id:<24} {autograde:9.1f} {autograde + feedback:10.1f} {ours_seconds:13.1f} "
                f"{autograde / ours_seconds:6.2f} {(autograde + feedback) / ours_seconds:9.2f} "
                f"{alone:9.2f} {core_seconds:10.2f}",
                flush=True,
            )
    plain_total = totals["autograde"] + totals["feedback"]
    alone_mean = alone_seconds / notebooks_graded
    core_seconds = totals["course"] * cores_busy / notebooks_graded
    print(
        f"{'all':<24} {totals['autograde']:9.1f} {plain_total:10.1f} {totals['course']:13.1f} "
        f"{totals['autograde'] / totals['course']:6.2f} {plain_total / totals['course']:9.2f} "
        f"{alone_mean:9.2f} {core_seconds:10.2f}"
    )
    overhead = core_seconds - alone_mean
    print(
        f"\nper notebook: {alone_mean:.2f} s to execute alone, {core_seconds:.2f} core-seconds in "
        "course grade "
        f"(autograde + feedback): {overhead:.2f} s of overhead ({overhead / alone_mean:.0%})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
